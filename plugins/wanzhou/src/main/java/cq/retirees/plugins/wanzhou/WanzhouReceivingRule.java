package cq.retirees.plugins.wanzhou;

import cq.retirees.kernel.AreaCode;
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
import java.util.Set;

/**
 * 万州区: the district's own SOE retirees living in the district are all received by one designated district
 * department rather than by their street, which the district prefers while its streets build up their capacity.
 * When that department is not registered in the district the rule declines and the municipal default (street of
 * residence, else the district's single department) decides: a designation that cannot be followed is no reason to
 * leave the retiree without a body.
 *
 * <p>"The district's own" is the setting {@code enterprise-areas}: the category {@code DISTRICT_SOE} does not say
 * which district owns the enterprise, so without it the rule would also take another district's SOE retirees who
 * happen to live in 万州区, which the municipal default gives to the enterprise's own district.
 */
@Extension
public final class WanzhouReceivingRule implements ReceivingRule, Configurable {

    static final String REASON = "WANZHOU_DESIGNATED_DEPARTMENT";
    static final String OVERRIDDEN = "WANZHOU_DISTRICT_RECEIVES";
    private static final String DEPARTMENT = "DEPARTMENT";

    /** The settings the rule uses, replaced as one value so a proposal never sees half of a new configuration. */
    private record Settings(String receivingBody, Set<AreaCode> enterpriseAreas) {
    }

    // Replaced once by configure, before any other call; volatile so the replacement is seen by every thread.
    private volatile Settings settings = new Settings(WanzhouSettings.SAMPLE_RECEIVING_BODY,
            WanzhouSettings.SAMPLE_ENTERPRISE_AREAS);

    @Override
    public void configure(PluginSettings pluginSettings) {
        settings = new Settings(WanzhouSettings.receivingBody(pluginSettings),
                WanzhouSettings.enterpriseAreas(pluginSettings));
    }

    @Override
    public String ruleId() {
        return Wanzhou.ID;
    }

    @Override
    public Territory territory() {
        return Wanzhou.TERRITORY;
    }

    @Override
    public Optional<ReceivingProposal> propose(RetireeFacts retiree, EnterpriseFacts enterprise, RosterContext roster) {
        Settings current = settings;
        // The host only asks about the territory; checking again keeps the rule correct when called on its own
        // (Territory.governs throws on a missing residence area or category, hence the null checks first).
        if (retiree.residenceArea() == null || enterprise.category() == null
                || !Wanzhou.TERRITORY.governs(retiree, enterprise) || !roster.inForce(Wanzhou.DISTRICT)
                || !ownEnterprise(current.enterpriseAreas(), enterprise)) {
            return Optional.empty();
        }
        return roster.bodiesIn(Wanzhou.DISTRICT).stream()
                .filter(b -> DEPARTMENT.equals(b.kind()) && current.receivingBody().equals(b.nameZh()))
                .map(ReceivingBodyFacts::id).findFirst()
                .map(department -> new ReceivingProposal(Wanzhou.DISTRICT, department, REASON, REASON,
                        Alternative.overriddenBy(Wanzhou.DISTRICT, retiree, enterprise, roster, OVERRIDDEN)));
    }

    private static boolean ownEnterprise(Set<AreaCode> areas, EnterpriseFacts enterprise) {
        return areas.isEmpty()
                || (enterprise.insuredArea() != null && areas.contains(enterprise.insuredArea()))
                || (enterprise.locationArea() != null && areas.contains(enterprise.locationArea()));
    }
}
