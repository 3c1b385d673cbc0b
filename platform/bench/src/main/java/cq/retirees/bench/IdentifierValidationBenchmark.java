package cq.retirees.bench;

import cq.retirees.kernel.CreditCode;
import cq.retirees.kernel.ResidentIdNumber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Validation of the identifiers every roster row carries: a million-row import parses a million ID numbers, so
 * their cost per row bounds the import's throughput from below.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IdentifierValidationBenchmark {

    private static final int SAMPLES = 4096;

    private final String[] idNumbers = new String[SAMPLES];
    private final String[] firstGeneration = new String[SAMPLES];
    private final String[] fullWidth = new String[SAMPLES];
    private final String[] creditCodes = new String[SAMPLES];
    private int next;

    @Setup
    public void generate() {
        Random random = new Random(2017);
        String creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < SAMPLES; i++) {
            String birth = String.format("19%02d%02d%02d", 30 + random.nextInt(40), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            String first17 = "5001" + String.format("%02d", 1 + random.nextInt(20)) + birth
                    + String.format("%03d", random.nextInt(1000));
            idNumbers[i] = first17 + ResidentIdNumber.checkCharacter(first17);
            firstGeneration[i] = first17.substring(0, 6) + first17.substring(8, 17).substring(0, 9);
            fullWidth[i] = toFullWidth(idNumbers[i]);
            StringBuilder code = new StringBuilder("91500000");
            while (code.length() < 17) {
                code.append(creditAlphabet.charAt(random.nextInt(creditAlphabet.length())));
            }
            creditCodes[i] = code.toString() + CreditCode.checkCharacter(code.toString());
        }
    }

    @Benchmark
    public ResidentIdNumber parseEighteenDigitIdNumber() {
        return ResidentIdNumber.parse(idNumbers[next++ & (SAMPLES - 1)]);
    }

    @Benchmark
    public ResidentIdNumber upgradeFifteenDigitIdNumber() {
        return ResidentIdNumber.parse(firstGeneration[next++ & (SAMPLES - 1)]);
    }

    @Benchmark
    public ResidentIdNumber normaliseFullWidthIdNumber() {
        return ResidentIdNumber.parse(fullWidth[next++ & (SAMPLES - 1)]);
    }

    @Benchmark
    public CreditCode parseCreditCode() {
        return CreditCode.parse(creditCodes[next++ & (SAMPLES - 1)]);
    }

    private static String toFullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append((char) (c + 0xFEE0)));
        return wide.toString();
    }
}
