package cq.retirees.registry.demo;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shares measured over 200,000 retirees of 20 enterprises; bounds are loose enough for any seed. */
class SyntheticDistributionTest {

    private static List<SyntheticRetiree> retirees;
    private static List<SyntheticEnterprise> enterprises;
    private static SyntheticRoster roster;

    @BeforeAll
    static void generate() {
        roster = new SyntheticRoster(31);
        enterprises = IntStream.range(0, 20).mapToObj(roster::enterprise).toList();
        retirees = enterprises.stream().flatMap(enterprise -> roster.retirees(enterprise, 10_000)).toList();
    }

    @Test
    void nameLengthsAreMostlyThreeSometimesTwoRarelyFour() {
        assertShare(retiree -> retiree.name().length() == 2, 0.15, 0.40, "two-character names");
        assertShare(retiree -> retiree.name().length() == 3, 0.60, 0.80, "three-character names");
        assertShare(retiree -> retiree.name().length() == 4, 0.005, 0.04, "four-character names");
        assertShare(retiree -> retiree.name().startsWith("王") || retiree.name().startsWith("李"), 0.08, 0.25,
                "王 and 李, the commonest surnames");
    }

    @Test
    void givenNamesVary() {
        Set<Integer> characters = new HashSet<>();
        retirees.forEach(retiree -> retiree.name().codePoints().skip(1).forEach(characters::add));
        assertTrue(characters.size() >= 140, "distinct given-name characters: " + characters.size());
        assertTrue(ChineseNames.givenCharacterCount() >= 140);
    }

    @Test
    void about80PercentLiveInTheInsuredAreaAnd12PercentInOneConcentrationArea() {
        assertShare(retiree -> retiree.residenceAreaCode().equals(retiree.insuredAreaCode()), 0.75, 0.85,
                "residence in the insured area");
        for (SyntheticEnterprise enterprise : enterprises) {
            String concentration = new EnterpriseProfile(31, enterprise).concentration().code();
            long ofEnterprise = retirees.stream()
                    .filter(retiree -> retiree.enterpriseCreditCode().equals(enterprise.creditCode())).count();
            long concentrated = retirees.stream()
                    .filter(retiree -> retiree.enterpriseCreditCode().equals(enterprise.creditCode()))
                    .filter(retiree -> retiree.residenceAreaCode().equals(concentration)).count();
            double share = (double) concentrated / ofEnterprise;
            assertTrue(share > 0.09 && share < 0.16, "concentration share " + share);
            assertNotEquals(enterprise.insuredAreaCode(), concentration);
        }
    }

    @Test
    void mostAre60To85AndAbout1PercentAreRetiredCadres() {
        assertShare(retiree -> {
            int age = Period.between(LocalDate.parse(retiree.birthDate()), SyntheticRoster.REFERENCE_DATE).getYears();
            return age >= 60 && age <= 85;
        }, 0.70, 0.92, "aged 60–85");
        assertShare(retiree -> retiree.retireeType().equals("RETIRED_CADRE"), 0.005, 0.015, "retired cadres");
        assertShare(retiree -> retiree.sex().equals("男"), 0.35, 0.60, "men");
    }

    @Test
    void partyLeaderAndDeathSharesAreRealistic() {
        assertShare(retiree -> retiree.partyMember().equals("是"), 0.27, 0.33, "party members");
        assertShare(retiree -> !retiree.leaderManagementLevel().isEmpty(), 0.002, 0.01, "retired leaders");
        assertShare(retiree -> !retiree.deathDate().isEmpty(), 0.015, 0.05, "deceased");
    }

    @Test
    void immobilityIsMuchMoreLikelyAbove80() {
        double over80 = shareAmong(retiree -> age(retiree) >= 80, retiree -> retiree.immobile().equals("是"));
        double under70 = shareAmong(retiree -> age(retiree) < 70, retiree -> retiree.immobile().equals("是"));
        assertTrue(over80 > 3 * under70, "immobile over 80: " + over80 + ", under 70: " + under70);
    }

    private static int age(SyntheticRetiree retiree) {
        return Period.between(LocalDate.parse(retiree.birthDate()), SyntheticRoster.REFERENCE_DATE).getYears();
    }

    private static double shareAmong(Predicate<SyntheticRetiree> population, Predicate<SyntheticRetiree> trait) {
        List<SyntheticRetiree> among = retirees.stream().filter(population).toList();
        return (double) among.stream().filter(trait).count() / among.size();
    }

    private static void assertShare(Predicate<SyntheticRetiree> trait, double low, double high, String what) {
        double share = (double) retirees.stream().filter(trait).count() / retirees.size();
        assertTrue(share >= low && share <= high, what + ": " + share + " not in [" + low + ", " + high + "]");
    }
}
