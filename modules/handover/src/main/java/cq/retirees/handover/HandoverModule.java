package cq.retirees.handover;

import cq.retirees.handover.internal.ConcentrationThresholds;
import cq.retirees.handover.internal.HandoverWiring;
import cq.retirees.handover.internal.ProposalSlots;
import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.db.ModuleSchema;
import cq.retirees.infra.http.ApiService;
import cq.retirees.registry.Registry;
import cq.retirees.spi.receiving.ReceivingRule;
import io.helidon.config.Config;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The handover module: its schema, its facade and its HTTP services. */
public final class HandoverModule {

    public static final ModuleSchema SCHEMA = new ModuleSchema("handover");
    public static final String MESSAGES = "i18n.handover";

    private final HandoverWiring wiring;

    private HandoverModule(HandoverWiring wiring) {
        this.wiring = wiring;
    }

    /**
     * Settings ({@code handover.*}): {@code publicity.minimum-days} (default 7), {@code concentration.minimum-count}
     * (default 20), {@code concentration.minimum-share} (default 0.10), {@code proposal.max-concurrent}
     * (default 4) and {@code proposal.max-wait} (default PT30S). {@code districtRules} supplies the
     * receiving rules of enabled district and zone plugins, asked afresh for every proposal run; roster
     * proposals read and write through {@code bulkDataSource} (plain JDBC).
     */
    public static HandoverModule create(Config config, PlatformServices platform, Registry registry,
                                        DataSource bulkDataSource, Supplier<List<ReceivingRule>> districtRules) {
        ConcentrationThresholds thresholds = new ConcentrationThresholds(
                config.get("concentration.minimum-count").asLong().orElse(ConcentrationThresholds.DEFAULTS.minimumCount()),
                config.get("concentration.minimum-share").asDouble()
                        .orElse(ConcentrationThresholds.DEFAULTS.minimumShare()));
        int publicityDays = config.get("publicity.minimum-days").asInt().orElse(7);
        if (publicityDays < 0) {
            throw new IllegalArgumentException("handover.publicity.minimum-days must not be negative");
        }
        ProposalSlots proposals = new ProposalSlots(config.get("proposal.max-concurrent").asInt().orElse(4),
                config.get("proposal.max-wait").as(Duration.class).orElse(Duration.ofSeconds(30)));
        return new HandoverModule(new HandoverWiring(platform, registry, bulkDataSource, districtRules, thresholds,
                publicityDays, proposals));
    }

    public Handover handover() {
        return wiring.handover();
    }

    public List<ApiService> services() {
        return wiring.services();
    }
}
