package cq.retirees.registry.internal;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.db.Rows;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.CreditCode;
import cq.retirees.kernel.access.Actor;
import cq.retirees.registry.Enterprise;
import cq.retirees.registry.EnterpriseCategory;
import cq.retirees.registry.demo.SyntheticEnterprise;
import cq.retirees.registry.demo.SyntheticRoster;

import java.io.ByteArrayInputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fills an empty registry with synthetic enterprises and retirees for a demonstration, through the same roster
 * import a real enterprise uses. Never runs on a registry that already holds an enterprise.
 */
final class DemoData {

    private static final System.Logger LOG = System.getLogger(DemoData.class.getName());
    private static final int PER_ENTERPRISE = 20_000;

    private final PlatformServices platform;
    private final EnterprisesDb enterprises;
    private final RosterImports imports;

    DemoData(PlatformServices platform, EnterprisesDb enterprises, RosterImports imports) {
        this.platform = platform;
        this.enterprises = enterprises;
        this.imports = imports;
    }

    void seed(int retirees) {
        boolean empty = platform.db().execute().get("SELECT NOT EXISTS (SELECT 1 FROM registry.enterprises) AS empty")
                .map(row -> Rows.bool(row, "empty")).orElse(false);
        if (retirees <= 0 || !empty) {
            return;
        }
        SyntheticRoster roster = new SyntheticRoster(2017);
        int left = retirees;
        for (int index = 0; left > 0; index++) {
            int count = Math.min(PER_ENTERPRISE, left);
            left -= count;
            SyntheticEnterprise synthetic = roster.enterprise(index);
            Enterprise enterprise = new Enterprise(UUID.randomUUID(), CreditCode.parse(synthetic.creditCode()),
                    synthetic.name(), EnterpriseCategory.valueOf(synthetic.category()), null,
                    AreaCode.of(synthetic.insuredAreaCode()), AreaCode.of(synthetic.locationAreaCode()), 1, null, null);
            StringBuilder csv = new StringBuilder();
            SyntheticRoster.writeCsv(csv, roster.retirees(synthetic, count));
            RosterImports.Upload upload = imports.spool(
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
            platform.transactions().inTransaction(tx -> {
                enterprises.insert(tx, enterprise);
                platform.audit().append(tx, AuditRecord.of(Actor.SYSTEM, null, "ENTERPRISE_REGISTERED", "enterprise",
                        enterprise.id(), Outcome.SUCCESS, Map.of("creditCode", enterprise.creditCode().value(),
                                "source", "DEMO_DATA")));
                imports.register(tx, Actor.SYSTEM, null, enterprise, upload, RosterImports.Format.CSV, Optional.empty());
                return null;
            });
            imports.start(upload.id());
        }
        LOG.log(Level.INFO, "Demo data: importing {0} synthetic retirees (see registry.demo.SyntheticRoster)", retirees);
    }
}
