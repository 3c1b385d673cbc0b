package cq.retirees.registry.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cq.retirees.kernel.ResidentIdNumber;
import cq.retirees.kernel.Sex;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SyntheticIdNumbersTest {

    @Test
    void everyIdNumberParsesAndEncodesTheRowsBirthDateAndSex() {
        SyntheticRoster roster = new SyntheticRoster(1);

        AtomicInteger checked = new AtomicInteger();

        rows(roster, 5, 10_000).forEach(retiree -> {
            ResidentIdNumber id = ResidentIdNumber.parse(retiree.idNumber());
            assertEquals(retiree.idNumber(), id.value());
            assertEquals(LocalDate.parse(retiree.birthDate()), id.birthDate());
            assertEquals(retiree.sex(), id.sex() == Sex.MALE ? "男" : "女");
            checked.incrementAndGet();
        });

        assertEquals(50_000, checked.get());
    }

    @Test
    void idNumbersAreUniqueOver200000RowsOfSeveralEnterprisesAndRepeatedCalls() {
        SyntheticRoster roster = new SyntheticRoster(2);
        Set<String> seen = new HashSet<>();

        rows(roster, 8, 20_000).forEach(retiree -> assertTrue(seen.add(retiree.idNumber()), "duplicate ID"));
        // the same enterprise asked again must not get the numbers of its first call
        roster.retirees(roster.enterprise(0), 40_000)
                .forEach(retiree -> assertTrue(seen.add(retiree.idNumber()), "duplicate ID on a repeated call"));

        assertEquals(200_000, seen.size());
    }

    @Test
    void regionPartIsOneOfTheUnassignedCodes500190To500199() {
        SyntheticRoster roster = new SyntheticRoster(3);
        Set<String> regions = new HashSet<>();

        rows(roster, 3, 5_000).forEach(retiree -> regions.add(retiree.idNumber().substring(0, 6)));

        Set<String> fictional = new HashSet<>();
        IntStream.rangeClosed(500190, 500199).forEach(code -> fictional.add(Integer.toString(code)));
        assertEquals(fictional, regions, "all ten fictional regions are used and nothing else");
        ChongqingAreas.all().forEach(area -> assertFalse(regions.contains(area.code()), area.code()));
    }

    @Test
    void aCrowdedBirthDateSpillsOverToTheNextDayInsteadOfRepeatingANumber() {
        IdNumberAllocator allocator = new IdNumberAllocator();
        LocalDate crowded = LocalDate.of(1955, 3, 1);
        Set<String> seen = new HashSet<>();
        int onTheDay = 0;

        for (int i = 0; i < 12_000; i++) {
            IdNumberAllocator.Allocation allocation = allocator.allocate(crowded, true);
            assertTrue(seen.add(allocation.idNumber()), "duplicate ID");
            ResidentIdNumber id = ResidentIdNumber.parse(allocation.idNumber());
            assertEquals(allocation.birthDate(), id.birthDate());
            assertEquals(Sex.MALE, id.sex());
            onTheDay += allocation.birthDate().equals(crowded) ? 1 : 0;
        }

        assertEquals(5_000, onTheDay, "10 regions × 500 male sequence numbers fit on one date");
    }

    @Test
    void theLastBirthDateSpillsOverToTheFirst() {
        IdNumberAllocator allocator = new IdNumberAllocator();
        for (int i = 0; i < 5_000; i++) {
            allocator.allocate(IdNumberAllocator.LATEST_BIRTH_DATE, false);
        }

        assertEquals(IdNumberAllocator.EARLIEST_BIRTH_DATE,
                allocator.allocate(IdNumberAllocator.LATEST_BIRTH_DATE, false).birthDate());
    }

    static Stream<SyntheticRetiree> rows(SyntheticRoster roster, int enterprises, int perEnterprise) {
        return IntStream.range(0, enterprises).boxed()
                .flatMap(index -> roster.retirees(roster.enterprise(index), perEnterprise));
    }
}
