package cq.retirees.registry.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SyntheticRosterDeterminismTest {

    @Test
    void sameSeedAndCallsGiveTheSameCsv() {
        assertEquals(csv(new SyntheticRoster(7)), csv(new SyntheticRoster(7)));
    }

    @Test
    void differentSeedsGiveDifferentData() {
        String a = csv(new SyntheticRoster(7));
        String b = csv(new SyntheticRoster(8));

        assertNotEquals(a, b);
        assertNotEquals(a.lines().skip(1).findFirst(), b.lines().skip(1).findFirst());
    }

    @Test
    void enterprisesDoNotDependOnWhichWereGeneratedBefore() {
        SyntheticRoster forwards = new SyntheticRoster(9);
        SyntheticRoster backwards = new SyntheticRoster(9);
        List<SyntheticEnterprise> ascending = IntStream.range(0, 50).mapToObj(forwards::enterprise).toList();
        List<SyntheticEnterprise> descending = IntStream.range(0, 50).map(i -> 49 - i)
                .mapToObj(backwards::enterprise).toList();

        assertEquals(ascending, descending.reversed());
    }

    @Test
    void aParallelStreamYieldsTheSameRetireesInTheSameOrder() {
        SyntheticRoster sequential = new SyntheticRoster(10);
        SyntheticRoster parallel = new SyntheticRoster(10);

        List<SyntheticRetiree> expected = sequential.retirees(sequential.enterprise(0), 20_000).toList();
        List<SyntheticRetiree> actual = parallel.retirees(parallel.enterprise(0), 20_000).parallel().toList();

        assertEquals(expected, actual);
    }

    private static String csv(SyntheticRoster roster) {
        StringBuilder out = new StringBuilder();
        SyntheticRoster.writeCsv(out, IntStream.range(0, 5).boxed()
                .flatMap(index -> roster.retirees(roster.enterprise(index), 2_000)));
        return out.toString();
    }
}
