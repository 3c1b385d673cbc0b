package cq.retirees.plugins.yuzhong;

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

/**
 * 渝中区: the district's own SOE retirees living in the district are received by the street office of their street
 * of residence, matched exactly by name (or through an alias from the settings), never loosely: a wrong street
 * office is worse than letting the municipal default decide. When no street office matches, the rule declines.
 *
 * <p>"The district's own" is the setting {@code enterprise-areas}: the category {@code DISTRICT_SOE} does not say
 * which district owns the enterprise, so without it the rule would also take another district's SOE retirees who
 * happen to live in 渝中区, which the municipal default gives to the enterprise's own district.
 */
@Extension
public final class YuzhongReceivingRule implements ReceivingRule, Configurable {

    static final String REASON = "YUZHONG_STREET_OF_RESIDENCE";
    static final String BODY_REASON = "YUZHONG_STREET_OFFICE";
    static final String OVERRIDDEN = "YUZHONG_DISTRICT_RECEIVES";

    /** Every subdivision of 渝中区 is a street (街道); a department or unit never receives under this rule. */
    private static final String STREET = "STREET";

    // Replaced once by configure, before any other call; volatile so the replacement is seen by every thread.
    private volatile YuzhongSettings settings = YuzhongSettings.SAMPLE;

    @Override
    public void configure(PluginSettings pluginSettings) {
        settings = YuzhongSettings.from(pluginSettings);
    }

    @Override
    public String ruleId() {
        return Yuzhong.ID;
    }

    @Override
    public Territory territory() {
        return Yuzhong.TERRITORY;
    }

    @Override
    public Optional<ReceivingProposal> propose(RetireeFacts retiree, EnterpriseFacts enterprise, RosterContext roster) {
        YuzhongSettings current = settings;
        // The host only asks about the territory; checking again keeps the rule correct when called on its own
        // (Territory.governs throws on a missing residence area or category, hence the null checks first).
        if (retiree.residenceArea() == null || enterprise.category() == null
                || !Yuzhong.TERRITORY.governs(retiree, enterprise) || !roster.inForce(Yuzhong.DISTRICT)
                || !current.decidesFor(enterprise.insuredArea(), enterprise.locationArea())) {
            return Optional.empty();
        }
        String street = retiree.residenceStreet() == null ? "" : retiree.residenceStreet().strip();
        if (street.isEmpty()) {
            return Optional.empty();
        }
        String officeName = current.officeName(street);
        return roster.bodiesIn(Yuzhong.DISTRICT).stream()
                .filter(b -> STREET.equals(b.kind()) && officeName.equals(b.nameZh()))
                .map(ReceivingBodyFacts::id).findFirst()
                .map(office -> new ReceivingProposal(Yuzhong.DISTRICT, office, REASON, BODY_REASON,
                        Alternative.overriddenBy(Yuzhong.DISTRICT, retiree, enterprise, roster, OVERRIDDEN)));
    }
}
