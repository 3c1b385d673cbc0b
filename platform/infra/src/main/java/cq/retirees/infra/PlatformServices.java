package cq.retirees.infra;

import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.db.Transactions;
import cq.retirees.infra.http.Idempotency;
import cq.retirees.infra.http.JsonBodies;
import cq.retirees.infra.http.Messages;
import cq.retirees.infra.security.Access;
import cq.retirees.infra.crypto.PersonalDataCipher;
import cq.retirees.infra.outbox.Outbox;
import cq.retirees.infra.outbox.OutboxDispatcher;
import io.helidon.dbclient.DbClient;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.file.Path;
import java.time.Clock;

/** What the platform hands every module's {@code create}: explicit wiring, no global state. */
public record PlatformServices(DbClient db,
                               Transactions transactions,
                               Access access,
                               AuditTrail audit,
                               Idempotency idempotency,
                               JsonBodies bodies,
                               Messages messages,
                               MeterRegistry meters,
                               Clock clock,
                               PersonalDataCipher cipher,
                               Outbox outbox,
                               OutboxDispatcher events,
                               Path dataDirectory) {
}
