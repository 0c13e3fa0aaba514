package io.chargeplane.bridge.ocpp.translate;

import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.device.FirmwareState;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.IdTokenType;
import io.chargeplane.model.event.BootReason;
import io.chargeplane.model.event.StopReason;

/**
 * The OCPP enumerations of both versions, mapped to the canonical vocabulary. Where the versions share a
 * spelling they share a mapping, which is what makes them converge.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** 1.6's full phase set and 2.0.1's five values; 2.0.1 {@code Occupied} stays {@link ConnectorStatus#OCCUPIED}. */
    static ConnectorStatus connectorStatus(String status) {
        return switch (status) {
            case "Available" -> ConnectorStatus.AVAILABLE;
            case "Preparing" -> ConnectorStatus.PREPARING;
            case "Charging" -> ConnectorStatus.CHARGING;
            case "SuspendedEV" -> ConnectorStatus.SUSPENDED_EV;
            case "SuspendedEVSE" -> ConnectorStatus.SUSPENDED_EVSE;
            case "Finishing" -> ConnectorStatus.FINISHING;
            case "Reserved" -> ConnectorStatus.RESERVED;
            case "Unavailable" -> ConnectorStatus.UNAVAILABLE;
            case "Faulted" -> ConnectorStatus.FAULTED;
            case "Occupied" -> ConnectorStatus.OCCUPIED;
            default -> throw new UntranslatableException("$.status: unknown connector status " + status);
        };
    }

    static FirmwareState firmware(String status) {
        return switch (status) {
            case "Idle" -> FirmwareState.IDLE;
            case "DownloadScheduled" -> FirmwareState.DOWNLOAD_SCHEDULED;
            case "Downloading" -> FirmwareState.DOWNLOADING;
            case "Downloaded" -> FirmwareState.DOWNLOADED;
            case "DownloadFailed" -> FirmwareState.DOWNLOAD_FAILED;
            case "DownloadPaused" -> FirmwareState.DOWNLOAD_PAUSED;
            case "SignatureVerified" -> FirmwareState.SIGNATURE_VERIFIED;
            case "InvalidSignature" -> FirmwareState.INVALID_SIGNATURE;
            case "InstallScheduled" -> FirmwareState.INSTALL_SCHEDULED;
            case "Installing" -> FirmwareState.INSTALLING;
            case "InstallRebooting" -> FirmwareState.INSTALL_REBOOTING;
            case "Installed" -> FirmwareState.INSTALLED;
            case "InstallationFailed", "InstallVerificationFailed" -> FirmwareState.INSTALLATION_FAILED;
            default -> throw new UntranslatableException("$.status: unknown firmware status " + status);
        };
    }

    static BootReason bootReason(String reason) {
        return switch (reason) {
            case "PowerUp" -> BootReason.POWER_UP;
            case "ApplicationReset" -> BootReason.APPLICATION_RESET;
            case "FirmwareUpdate" -> BootReason.FIRMWARE_UPDATE;
            case "LocalReset" -> BootReason.LOCAL_RESET;
            case "RemoteReset" -> BootReason.REMOTE_RESET;
            case "ScheduledReset" -> BootReason.SCHEDULED_RESET;
            case "Triggered" -> BootReason.TRIGGERED;
            case "Watchdog" -> BootReason.WATCHDOG;
            default -> BootReason.UNKNOWN;
        };
    }

    /** Both versions' stop reasons; a missing reason means Local in both. */
    static StopReason stopReason(String reason) {
        if (reason == null) {
            return StopReason.LOCAL;
        }
        return switch (reason) {
            case "Local", "MasterPass" -> StopReason.LOCAL;
            case "Remote" -> StopReason.REMOTE;
            case "EVDisconnected" -> StopReason.EV_DISCONNECTED;
            case "DeAuthorized" -> StopReason.DE_AUTHORIZED;
            case "EmergencyStop" -> StopReason.EMERGENCY_STOP;
            case "EnergyLimitReached" -> StopReason.ENERGY_LIMIT_REACHED;
            case "TimeLimitReached" -> StopReason.TIME_LIMIT_REACHED;
            case "SOCLimitReached" -> StopReason.SOC_LIMIT_REACHED;
            case "StoppedByEV" -> StopReason.EV_FINISHED;
            case "LocalOutOfCredit" -> StopReason.INSUFFICIENT_FUNDS;
            case "HardReset", "ImmediateReset" -> StopReason.HARD_RESET;
            case "SoftReset" -> StopReason.SOFT_RESET;
            case "Reboot" -> StopReason.REBOOT;
            case "PowerLoss" -> StopReason.POWER_LOSS;
            case "UnlockCommand" -> StopReason.UNLOCK_COMMAND;
            case "GroundFault", "OvercurrentFault", "PowerQuality" -> StopReason.FAULT;
            default -> StopReason.OTHER;
        };
    }

    /** A 1.6 idTag carries no type; nearly all are card UIDs, which is what 2.0.1 calls ISO14443. */
    static IdToken idTag(String idTag) {
        return IdToken.rfid(idTag);
    }

    static IdToken idToken201(String value, String type) {
        IdTokenType canonical = switch (type) {
            case "ISO14443", "ISO15693" -> IdTokenType.RFID;
            case "Central" -> IdTokenType.CENTRAL;
            case "eMAID" -> IdTokenType.EMAID;
            case "KeyCode" -> IdTokenType.KEY_CODE;
            case "Local" -> IdTokenType.LOCAL;
            case "MacAddress" -> IdTokenType.MAC_ADDRESS;
            case "NoAuthorization" -> IdTokenType.NO_AUTHORIZATION;
            default -> throw new UntranslatableException("$.idToken.type: unknown type " + type);
        };
        return IdToken.of(value, canonical);
    }

    static String idTokenType201(IdTokenType type) {
        return switch (type) {
            case RFID -> "ISO14443";
            case KEY_CODE -> "KeyCode";
            case EMAID -> "eMAID";
            case MAC_ADDRESS -> "MacAddress";
            case NO_AUTHORIZATION -> "NoAuthorization";
            case LOCAL -> "Local";
            case CENTRAL, APP, VIN, PLATE -> "Central";
        };
    }

    /** 1.6 has no NoCredit or Unknown: both become Invalid, which makes the station refuse. */
    static String authorization16(AuthorizationStatus status) {
        return switch (status) {
            case ACCEPTED -> "Accepted";
            case BLOCKED -> "Blocked";
            case EXPIRED -> "Expired";
            case CONCURRENT_TX -> "ConcurrentTx";
            case INVALID, NO_CREDIT, UNKNOWN -> "Invalid";
        };
    }

    static String authorization201(AuthorizationStatus status) {
        return switch (status) {
            case ACCEPTED -> "Accepted";
            case BLOCKED -> "Blocked";
            case EXPIRED -> "Expired";
            case CONCURRENT_TX -> "ConcurrentTx";
            case INVALID -> "Invalid";
            case NO_CREDIT -> "NoCredit";
            case UNKNOWN -> "Unknown";
        };
    }
}
