package cq.retirees.registry.demo;

import cq.retirees.registry.demo.ChongqingAreas.Area;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What the retiree generator needs to know about one enterprise beyond its record: where its retirees live, its
 * short name for party branches, and who manages its retired leaders.
 *
 * <p>Residence follows the enterprise's insured area for about 80% of retirees; about 12% live in one
 * "concentration" area per enterprise (as where a factory's old housing estate lies in another district), so that
 * the handover rule about concentrated residence has real cases; the rest are spread over the other areas.
 */
final class EnterpriseProfile {

    static final int HOME_PERCENT = 80;
    static final int CONCENTRATION_PERCENT = 12;

    private static final List<String> NAME_PREFIXES = List.of("重庆市", "重庆");
    private static final List<String> NAME_SUFFIXES = List.of("集团重庆有限公司", "集团有限公司", "有限责任公司", "有限公司");
    private static final List<String> BRANCHES = List.of("离退休党支部", "离退休党支部", "离退休第一党支部", "离退休第二党支部");

    private final SyntheticEnterprise enterprise;
    private final Area home;
    private final Area concentration;
    private final Weighted<Area> elsewhere;
    private final String shortName;
    private final Weighted<String> leaderLevels;

    /**
     * @param seed the generator's seed; the concentration area depends only on it and the credit code, so an
     *             enterprise keeps its concentration area across calls
     * @throws IllegalArgumentException if the insured area is not one of Chongqing's 38 divisions
     */
    EnterpriseProfile(long seed, SyntheticEnterprise enterprise) {
        this.enterprise = enterprise;
        this.home = ChongqingAreas.byCode(enterprise.insuredAreaCode());
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0x434F4EL, enterprise.creditCode().hashCode()));
        this.concentration = ChongqingAreas.byPopulationExcept(List.of(home)).pick(random);
        this.elsewhere = ChongqingAreas.byPopulationExcept(List.of(home, concentration));
        this.shortName = shortName(enterprise.name());
        this.leaderLevels = leaderLevels(enterprise.category());
    }

    SyntheticEnterprise enterprise() {
        return enterprise;
    }

    Area concentration() {
        return concentration;
    }

    Area residence(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < HOME_PERCENT) {
            return home;
        }
        return roll < HOME_PERCENT + CONCENTRATION_PERCENT ? concentration : elsewhere.pick(random);
    }

    /** Large enterprises have several retiree party branches. */
    String partyOrganisation(SplittableRandom random) {
        return shortName + BRANCHES.get(random.nextInt(BRANCHES.size()));
    }

    String leaderManagementLevel(SplittableRandom random) {
        return leaderLevels.pick(random);
    }

    /** 重庆渝山机械集团有限公司 -> 渝山机械; the form used in party branch names. */
    static String shortName(String name) {
        String shortName = name;
        for (String prefix : NAME_PREFIXES) {
            if (shortName.startsWith(prefix) && shortName.length() > prefix.length()) {
                shortName = shortName.substring(prefix.length());
                break;
            }
        }
        for (String suffix : NAME_SUFFIXES) {
            if (shortName.endsWith(suffix) && shortName.length() > suffix.length()) {
                return shortName.substring(0, shortName.length() - suffix.length());
            }
        }
        return shortName;
    }

    /** Who manages a retired leader depends on who owns the enterprise (plan §三(二)3). */
    private static Weighted<String> leaderLevels(String category) {
        Weighted.Builder<String> levels = new Weighted.Builder<>();
        switch (category) {
            case EnterpriseFactory.MUNICIPAL_KEY_SOE, EnterpriseFactory.MUNICIPAL_KEY_SOE_SUBSIDIARY -> levels
                    .add("MUNICIPAL_PARTY_COMMITTEE", 25).add("SASAC_PARTY_COMMITTEE", 55).add("OTHER", 20);
            case EnterpriseFactory.DISTRICT_SOE, EnterpriseFactory.WANSHENG_SOE -> levels
                    .add("DISTRICT_PARTY_COMMITTEE", 80).add("OTHER", 20);
            case EnterpriseFactory.MUNICIPAL_DEPARTMENT_SOE, EnterpriseFactory.LIANGJIANG_SOE -> levels
                    .add("SASAC_PARTY_COMMITTEE", 30).add("OTHER", 70);
            default -> levels.add("OTHER", 1);
        }
        return levels.build();
    }
}
