package cq.retirees.registry.demo;

import cq.retirees.registry.demo.ChongqingAreas.Area;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Makes the retirees of one {@link SyntheticRoster#retirees} call, one at a time, so that nothing but the current
 * retiree is held in memory. Not thread-safe: one stream, one factory.
 */
final class RetireeFactory {

    private static final String YES = "是";
    private static final String NO = "否";
    private static final int PARTY_MEMBER_PERCENT = 30;
    private static final int CADRE_PARTY_MEMBER_PERCENT = 80;
    private static final int LEADER_PER_MILLE = 5;
    /** No Chinese operator issues numbers starting with 10: {@code 100} followed by 8 digits is nobody's phone. */
    private static final long PHONE_BASE = 100_0000_0000L;
    private static final long PHONE_SUBSCRIBERS = 1_0000_0000L;

    private final EnterpriseProfile profile;
    private final IdNumberAllocator idNumbers;
    private final LifeCourse lifeCourse;
    private final SplittableRandom random;

    RetireeFactory(EnterpriseProfile profile, IdNumberAllocator idNumbers, LifeCourse lifeCourse,
                   SplittableRandom random) {
        this.profile = profile;
        this.idNumbers = idNumbers;
        this.lifeCourse = lifeCourse;
        this.random = random;
    }

    SyntheticRetiree next() {
        LocalDate wantedBirthDate = lifeCourse.birthDate(random);
        boolean male = LifeCourse.male(wantedBirthDate, random);
        IdNumberAllocator.Allocation id = idNumbers.allocate(wantedBirthDate, male);
        LocalDate birthDate = id.birthDate();
        boolean cadre = birthDate.getYear() < LifeCourse.FIRST_CADRE_FREE_YEAR;
        LocalDate retirementDate = lifeCourse.retirementDate(birthDate, male, cadre, random);
        int age = lifeCourse.ageAtReference(birthDate);
        String name = ChineseNames.person(male, random);
        Area residence = profile.residence(random);
        String street = residence.streets().get(random.nextInt(residence.streets().size()));
        boolean partyMember = random.nextInt(100) < (cadre ? CADRE_PARTY_MEMBER_PERCENT : PARTY_MEMBER_PERCENT);
        String partyOrganisation = partyMember ? profile.partyOrganisation(random) : "";
        String leaderLevel = random.nextInt(1000) < LEADER_PER_MILLE ? profile.leaderManagementLevel(random) : "";
        boolean immobile = LifeCourse.immobile(age, random);
        String deathDate = lifeCourse.deathDate(age, retirementDate, random).map(LocalDate::toString).orElse("");
        SyntheticEnterprise enterprise = profile.enterprise();
        return new SyntheticRetiree(
                id.idNumber(),
                name,
                male ? "男" : "女",
                birthDate.toString(),
                retirementDate.toString(),
                cadre ? "RETIRED_CADRE" : "RETIRED",
                enterprise.creditCode(),
                enterprise.insuredAreaCode(),
                address(residence, street),
                residence.code(),
                street,
                Long.toString(PHONE_BASE + random.nextLong(PHONE_SUBSCRIBERS)),
                partyMember ? YES : NO,
                partyOrganisation,
                leaderLevel,
                immobile ? YES : NO,
                deathDate);
    }

    /** 示例路 ("example road") marks the address as fictional to anyone who reads it. */
    private String address(Area area, String street) {
        return area.name() + street + "示例路" + (1 + random.nextInt(300)) + "号"
                + (1 + random.nextInt(30)) + "栋" + (1 + random.nextInt(6)) + "单元";
    }
}
