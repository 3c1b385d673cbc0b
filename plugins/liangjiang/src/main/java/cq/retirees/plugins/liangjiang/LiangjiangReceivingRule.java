package cq.retirees.plugins.liangjiang;

import cq.retirees.spi.Configurable;
import cq.retirees.spi.PluginSettings;
import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingProposal.Alternative;
import cq.retirees.spi.receiving.ReceivingRule;
import cq.retirees.spi.receiving.RetireeFacts;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;
import org.pf4j.Extension;

import java.util.Optional;
import java.util.UUID;

/**
 * 两江新区: a Liangjiang SOE retiree who lives in one of the streets or towns the zone manages (in 江北, 渝北 or
 * 北碚) is received in the zone by its service centre, whatever the enterprise's insured area. Anyone else in the
 * territory (a Liangjiang SOE retiree living in a street the district still manages itself) is left to the
 * municipal default.
 *
 * <p>When the service centre is not registered in the zone the rule still proposes the zone, without a body
 * ({@code LIANGJIANG_BODY_NOT_REGISTERED}): which area receives is what the zone's rule decides, and a missing
 * registration is for the zone to fix by override, as the municipal default does with {@code NO_BODY_DETERMINED}.
 */
@Extension
public final class LiangjiangReceivingRule implements ReceivingRule, Configurable {

    static final String REASON = "LIANGJIANG_TERRITORY_STREET";
    static final String BODY_REASON = "LIANGJIANG_SERVICE_CENTRE";
    static final String BODY_NOT_REGISTERED = "LIANGJIANG_BODY_NOT_REGISTERED";
    static final String OVERRIDDEN = "LIANGJIANG_ZONE_RECEIVES";

    // Replaced once by configure, before any other call; volatile so the replacement is seen by every thread.
    private volatile LiangjiangSettings settings = LiangjiangSettings.SAMPLE;

    @Override
    public void configure(PluginSettings pluginSettings) {
        settings = LiangjiangSettings.from(pluginSettings);
    }

    @Override
    public String ruleId() {
        return Liangjiang.ID;
    }

    @Override
    public Territory territory() {
        return Liangjiang.TERRITORY;
    }

    @Override
    public Optional<ReceivingProposal> propose(RetireeFacts retiree, EnterpriseFacts enterprise, RosterContext roster) {
        LiangjiangSettings current = settings;
        // The host only asks about the territory; checking again keeps the rule correct when called on its own
        // (Territory.governs throws on a missing residence area or category, hence the null checks first).
        if (retiree.residenceArea() == null || enterprise.category() == null
                || !Liangjiang.TERRITORY.governs(retiree, enterprise) || !roster.inForce(Liangjiang.ZONE)) {
            return Optional.empty();
        }
        String street = retiree.residenceStreet() == null ? "" : retiree.residenceStreet().strip();
        if (!current.streetsOf(retiree.residenceArea()).contains(street)) {
            return Optional.empty();
        }
        UUID body = roster.bodiesIn(Liangjiang.ZONE).stream()
                .filter(b -> current.receivingBody().equals(b.nameZh()))
                .map(ReceivingBodyFacts::id).findFirst().orElse(null);
        return Optional.of(new ReceivingProposal(Liangjiang.ZONE, body, REASON,
                body == null ? BODY_NOT_REGISTERED : BODY_REASON,
                Alternative.overriddenBy(Liangjiang.ZONE, retiree, enterprise, roster, OVERRIDDEN)));
    }
}
