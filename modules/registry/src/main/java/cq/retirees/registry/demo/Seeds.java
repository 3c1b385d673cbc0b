package cq.retirees.registry.demo;

/**
 * Derives independent random seeds from a generator seed and a few labels, so that enterprise 7 looks the same
 * whether or not enterprises 0–6 were generated first.
 */
final class Seeds {

    private Seeds() {
    }

    static long mix(long... parts) {
        long hash = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            hash = splitMix64(hash ^ part) + 0x9E3779B97F4A7C15L;
        }
        return splitMix64(hash);
    }

    /** The SplitMix64 finaliser: a cheap bijection that spreads every input bit over the whole output. */
    private static long splitMix64(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
