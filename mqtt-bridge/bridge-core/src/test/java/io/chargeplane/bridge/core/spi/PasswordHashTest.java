package io.chargeplane.bridge.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void derivationMatchesPublishedPbkdf2HmacSha256Vectors() {
        assertEquals("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b",
                HexFormat.of().formatHex(PasswordHash.pbkdf2(ascii("password"), ascii("salt"), 1, 32)));
        assertEquals("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a",
                HexFormat.of().formatHex(PasswordHash.pbkdf2(ascii("password"), ascii("salt"), 4096, 32)));
    }

    @Test
    void derivationEqualsTheJdkForTextPasswordsLongerThanOneBlock() throws Exception {
        byte[] salt = ascii("saltSALTsaltSALT");
        byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("pässwörd".toCharArray(), salt, 1000, 40 * 8)).getEncoded();
        assertEquals(HexFormat.of().formatHex(jdk),
                HexFormat.of().formatHex(PasswordHash.pbkdf2("pässwörd".getBytes(StandardCharsets.UTF_8), salt, 1000, 40)));
    }

    @Test
    void storedHashVerifiesOnlyTheSamePassword() {
        PasswordHash hash = PasswordHash.parse(PasswordHash.create(ascii("0123456789abcdef"), 1000).format());

        assertTrue(hash.matches(ascii("0123456789abcdef")));
        assertFalse(hash.matches(ascii("0123456789abcdeF")));
        assertFalse(hash.matches(new byte[0]));
        assertFalse(hash.matches((byte[]) null));
    }

    @Test
    void twoHashesOfOnePasswordDifferBySalt() {
        assertNotEquals(PasswordHash.create(ascii("secret"), 1000).format(),
                PasswordHash.create(ascii("secret"), 1000).format());
    }

    @Test
    void malformedHashesAreRefusedWithoutEchoingThem() {
        var wrongScheme = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("md5$1$abc$def"));
        assertFalse(wrongScheme.getMessage().contains("abc"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$x$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$10$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$1000$!!$AAAA"));
    }

    @Test
    void textFormNeverAppearsInToString() {
        PasswordHash hash = PasswordHash.create(ascii("secret"), 1000);
        assertFalse(hash.toString().contains(hash.format().split("\\$")[3]));
    }

    @Test
    void disabledStationNeverVerifies() {
        PasswordHash hash = PasswordHash.create(ascii("secret"), 1000);
        var enabled = new StationCredentials("CP1", TenantId.of("acme"), DeviceId.of("CP1"), hash, 1, true);
        var disabled = new StationCredentials("CP1", TenantId.of("acme"), DeviceId.of("CP1"), hash, 1, false);
        var certificateOnly = new StationCredentials("CP1", TenantId.of("acme"), DeviceId.of("CP1"), null, 3, true);

        assertTrue(enabled.verify("secret"));
        assertFalse(disabled.verify("secret"));
        assertFalse(certificateOnly.verify("secret"));
    }
}
