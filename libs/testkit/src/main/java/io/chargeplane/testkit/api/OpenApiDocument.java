package io.chargeplane.testkit.api;

import io.restassured.path.json.JsonPath;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;

/**
 * The OpenAPI document of the application under test, read the way endpoint-coverage tests need it: a
 * service's tenant-isolation table compares its rows with {@link #operations()}, so an endpoint added
 * without a row fails the build.
 */
public final class OpenApiDocument {

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final JsonPath document;

    private OpenApiDocument(JsonPath document) {
        this.document = document;
    }

    /** Reads {@code /q/openapi} from the running application (RestAssured's configured port). */
    public static OpenApiDocument fetch() {
        return new OpenApiDocument(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath());
    }

    /** Every documented operation as {@code "METHOD /path"}, e.g. {@code "GET /api/v1/devices/{deviceId}"}, sorted. */
    public Set<String> operations() {
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, byMethod) -> byMethod.keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    /** The operation's description, empty when it has none. */
    public String description(String method, String path) {
        String description = document.getString("paths.'" + path + "'." + method.toLowerCase(Locale.ROOT) + ".description");
        return description == null ? "" : description;
    }
}
