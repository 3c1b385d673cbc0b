package cq.retirees.registry.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Deterministic generator of synthetic enterprises and their retirees, for demo mode, tests and benchmarks.
 *
 * <p><b>Never a real person's data, by design:</b> ID numbers carry the region part 500190–500199, which GB/T 2260
 * has never assigned, so no resident can hold them (they still pass
 * {@link cq.retirees.kernel.ResidentIdNumber#parse(String)}); phone numbers start with {@code 100}, which no Chinese
 * operator issues; every address lies on 示例路 ("example road"). Names are common surnames and given-name
 * characters and identify nobody.
 *
 * <p>Determinism: {@link #enterprise(int)} depends only on the seed and the index. {@link #retirees} depends on the
 * seed, the enterprise and the order of calls on this instance, because ID numbers are unique across all calls:
 * the same seed with the same calls, consumed in the same order, gives the same output on any machine and day
 * (dates are relative to {@link #REFERENCE_DATE}, not to today).
 *
 * <p>Retirees are generated lazily as the stream is consumed, so a million of them need no more memory than one;
 * the generator's only growing state is a fixed 140 KB table of issued ID numbers per birth date.
 */
public final class SyntheticRoster {

    /** "Today" for the generated data: no retirement or death lies after it. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 6, 30);

    /** The CSV column headings, in {@link SyntheticRetiree} component order. */
    public static final String[] HEADINGS = {
            "idNumber", "name", "sex", "birthDate", "retirementDate", "retireeType", "enterpriseCreditCode",
            "insuredAreaCode", "residenceAddress", "residenceAreaCode", "residenceStreet", "phone", "partyMember",
            "partyOrganisation", "leaderManagementLevel", "immobile", "deathDate"};

    /** Built from a copy, because the public array can be modified by anyone. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader(HEADINGS.clone()).get();

    private final long seed;
    private final IdNumberAllocator idNumbers = new IdNumberAllocator();
    private final LifeCourse lifeCourse = new LifeCourse(REFERENCE_DATE);
    private final AtomicLong retireeCalls = new AtomicLong();

    public SyntheticRoster(long seed) {
        this.seed = seed;
    }

    /** Enterprise number {@code index} (0, 1, 2 …) of this seed; distinct indexes have distinct credit codes. */
    public SyntheticEnterprise enterprise(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        return EnterpriseFactory.create(seed, index);
    }

    /**
     * A lazy, sequential stream of {@code count} retirees of {@code enterprise}, generated as it is consumed.
     * The stream deliberately does not report its size, so even {@code count()} generates every retiree and
     * advances the ID numbers exactly as any other traversal would.
     *
     * @param enterprise usually one from {@link #enterprise(int)}; its insured area must be one of Chongqing's 38
     *                   division codes
     * @throws IllegalArgumentException if {@code count} is negative or the insured area is not a Chongqing division
     */
    public Stream<SyntheticRetiree> retirees(SyntheticEnterprise enterprise, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        EnterpriseProfile profile = new EnterpriseProfile(seed, enterprise);
        long call = retireeCalls.getAndIncrement();
        SplittableRandom random = new SplittableRandom(
                Seeds.mix(seed, 0x524554L, call, enterprise.creditCode().hashCode()));
        RetireeFactory factory = new RetireeFactory(profile, idNumbers, lifeCourse, random);
        return StreamSupport.stream(new RetireeSpliterator(factory, count), false);
    }

    /**
     * Writes the heading row and one row per retiree as RFC 4180 CSV (CRLF line ends), consuming the stream as it
     * goes. {@code out} is flushed but not closed: it belongs to the caller.
     *
     * @throws UncheckedIOException if {@code out} fails
     */
    public static void writeCsv(Appendable out, Stream<SyntheticRetiree> retirees) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSV);
            Iterator<SyntheticRetiree> rows = retirees.iterator();
            while (rows.hasNext()) {
                printer.printRecord(rows.next().csvValues());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the synthetic roster", e);
        }
    }

    /**
     * Ordered and unsized. Splitting for a parallel stream is done by {@link Spliterators.AbstractSpliterator}
     * through repeated {@link #tryAdvance} calls on one thread, so even then retirees come out in one fixed order.
     */
    private static final class RetireeSpliterator extends Spliterators.AbstractSpliterator<SyntheticRetiree> {

        private final RetireeFactory factory;
        private int remaining;

        RetireeSpliterator(RetireeFactory factory, int count) {
            super(count, Spliterator.ORDERED | Spliterator.NONNULL);
            this.factory = factory;
            this.remaining = count;
        }

        @Override
        public boolean tryAdvance(Consumer<? super SyntheticRetiree> action) {
            if (remaining <= 0) {
                return false;
            }
            remaining--;
            action.accept(factory.next());
            return true;
        }
    }
}
