package cq.retirees.handover.internal;

/**
 * When an area counts as a place where an enterprise's retirees live concentrated (集中居住地): at least
 * {@code minimumCount} of the roster and at least {@code minimumShare} of it live there. The plan leaves the measure
 * open; these are settings ({@code handover.concentration.*}) so that the municipality can set them.
 */
public record ConcentrationThresholds(long minimumCount, double minimumShare) {

    public static final ConcentrationThresholds DEFAULTS = new ConcentrationThresholds(20, 0.10);

    public ConcentrationThresholds {
        if (minimumCount < 1 || minimumShare < 0 || minimumShare > 1) {
            throw new IllegalArgumentException("concentration thresholds: count >= 1 and share in [0, 1]");
        }
    }

    boolean concentrated(long residents, long rosterSize) {
        return residents >= minimumCount && residents >= minimumShare * rosterSize;
    }
}
