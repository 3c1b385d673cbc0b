package cq.retirees.app.observe;

import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Housekeeping removes what has served its time and nothing that is still in use. */
class HousekeepingTest {

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(HousekeepingTest.class);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void oldSessionsKeysCountersAndDeliveredEventsGoWhatIsLiveStays() {
        Api live = platform.admin();
        String admin = platform.strings("SELECT id FROM security.users WHERE username = 'admin'").getFirst();
        platform.update("INSERT INTO security.sessions (token_hash, user_id, expires_at) VALUES"
                + " ('ended-long-ago', ?::uuid, now() - interval '2 days')", admin);
        platform.update("INSERT INTO platform.idempotency_keys (actor_id, idem_key, fingerprint, created_at) VALUES"
                + " (?::uuid, 'old', 'f', now() - interval '2 days'), (?::uuid, 'fresh', 'f', now())", admin, admin);
        platform.update("INSERT INTO security.login_failures (throttle_key, failures, window_start) VALUES"
                + " ('user:guessed-name', 3, now() - interval '2 hours'), ('user:admin2', 1, now())");
        platform.update("INSERT INTO platform.outbox (event_type, aggregate_id, payload, dispatched_at, created_at) VALUES"
                + " ('Old', 'a', '{}', now() - interval '8 days', now() - interval '8 days'),"
                + " ('Recent', 'b', '{}', now() - interval '1 day', now() - interval '1 day'),"
                + " ('Undelivered', 'c', '{}', NULL, now() - interval '30 days')");

        Map<String, Long> removed = platform.platform().housekeeping().sweep();

        assertEquals(Map.of("security.sessions", 1L, "platform.idempotency_keys", 1L,
                "security.login_failures", 1L, "platform.outbox", 1L), removed);
        assertEquals(200, live.get("/api/v1/auth/me").status(), "the live session survives");
        assertEquals(1, platform.count("SELECT count(*) FROM platform.idempotency_keys WHERE idem_key = 'fresh'"));
        assertEquals(1, platform.count("SELECT count(*) FROM security.login_failures"));
        assertEquals(2, platform.count("SELECT count(*) FROM platform.outbox WHERE event_type IN ('Recent', 'Undelivered')"),
                "an undelivered event is never removed, however old");
        assertEquals(0, platform.count("SELECT count(*) FROM security.sessions WHERE token_hash = 'ended-long-ago'"));
    }
}
