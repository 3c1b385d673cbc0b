package cq.retirees.infra.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** SHA-256 over the previous hash and every stored field of an event, each length-prefixed so none can bleed. */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String prevHash, UUID id, Instant occurredAt, UUID actorId, String actorName, String action,
                     String entityType, String entityId, Outcome outcome, String address, String detailJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {prevHash, id.toString(), occurredAt.toString(),
                    actorId == null ? null : actorId.toString(), actorName, action, entityType, entityId,
                    outcome.name(), address, detailJson}) {
                if (field == null) {
                    sha.update(new byte[] {-1});
                } else {
                    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                    sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                    sha.update(bytes);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
