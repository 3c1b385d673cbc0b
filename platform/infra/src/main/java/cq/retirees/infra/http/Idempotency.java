package cq.retirees.infra.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.db.Transactions;
import cq.retirees.kernel.access.Actor;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code Idempotency-Key} for creations: the key is claimed, the work done and its reply stored in one
 * transaction. A retry with the same key and body gets the stored reply; a concurrent duplicate waits on the
 * claim's row lock and then replays; a crash rolls back claim and work together, so a retry simply runs again.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private final Transactions transactions;
    private final Duration retention;

    public Idempotency(Transactions transactions, Duration retention) {
        this.transactions = transactions;
        this.retention = retention;
    }

    /** Runs {@code work} in a transaction, at most once per key when the request carries one. */
    public Reply execute(ServerRequest request, Actor actor, byte[] body, Function<DbTransaction, Reply> work) {
        return executeForDigest(request, actor, sha256(body), work);
    }

    /** As {@link #execute}, for a body too large to hold: the caller digested it (SHA-256, hex) while storing it. */
    public Reply executeForDigest(ServerRequest request, Actor actor, String bodySha256,
                                  Function<DbTransaction, Reply> work) {
        Optional<String> key = request.headers().first(io.helidon.http.HeaderNames.create(HEADER));
        if (key.isEmpty()) {
            return transactions.inTransaction(work);
        }
        String idempotencyKey = validKey(key.get());
        String fingerprint = fingerprint(request, bodySha256);
        return transactions.inTransaction(tx -> {
            tx.dml("DELETE FROM platform.idempotency_keys WHERE actor_id = ?::uuid AND idem_key = ?"
                    + " AND created_at < now() - make_interval(secs => ?)", actor.userId(), idempotencyKey,
                    (double) retention.toSeconds());
            long claimed = tx.dml("INSERT INTO platform.idempotency_keys (actor_id, idem_key, fingerprint)"
                    + " VALUES (?::uuid, ?, ?) ON CONFLICT DO NOTHING", actor.userId(), idempotencyKey, fingerprint);
            if (claimed == 0) {
                return replay(tx, actor, idempotencyKey, fingerprint);
            }
            Reply reply = work.apply(tx);
            tx.dml("UPDATE platform.idempotency_keys SET status = ?, body = ?, headers = ?"
                            + " WHERE actor_id = ?::uuid AND idem_key = ?",
                    reply.status(), reply.body() == null ? null : new String(Json.bytes(reply.body()), StandardCharsets.UTF_8),
                    new String(Json.bytes(reply.headers()), StandardCharsets.UTF_8), actor.userId(), idempotencyKey);
            return reply;
        });
    }

    private static Reply replay(DbTransaction tx, Actor actor, String key, String fingerprint) {
        DbRow row = tx.get("SELECT fingerprint, status, body, headers FROM platform.idempotency_keys"
                        + " WHERE actor_id = ?::uuid AND idem_key = ?", actor.userId(), key)
                .orElseThrow(() -> ApiException.conflict("IDEMPOTENCY_IN_PROGRESS"));
        if (!fingerprint.equals(Rows.string(row, "fingerprint"))) {
            throw ApiException.unprocessable("IDEMPOTENCY_KEY_REUSED");
        }
        Object status = Rows.value(row, "status");
        if (status == null) {
            throw ApiException.conflict("IDEMPOTENCY_IN_PROGRESS");
        }
        try {
            String bodyJson = Rows.string(row, "body");
            JsonNode body = bodyJson == null ? null : Json.mapper().readTree(bodyJson);
            Map<String, String> headers = new LinkedHashMap<>(Json.mapper().readValue(
                    Rows.string(row, "headers"), new TypeReference<Map<String, String>>() { }));
            headers.put(REPLAYED_HEADER, "true");
            return new Reply(((Number) status).intValue(), body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String validKey(String key) {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_INVALID");
        }
        return key;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(ServerRequest request, String bodySha256) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.prologue().method().text().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(request.path().absolute().rawPath().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(request.query().rawValue().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bodySha256.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
