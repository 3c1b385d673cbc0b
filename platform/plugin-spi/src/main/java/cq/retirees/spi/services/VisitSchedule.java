package cq.retirees.spi.services;

/**
 * Home visits (走访慰问): retirees from {@code minimumAge} on are visited every {@code intervalMonths} months. The
 * municipal schedule is {@link #MUNICIPAL}; a plugin states its own where the area's rules differ.
 */
public record VisitSchedule(int minimumAge, int intervalMonths) {

    public static final VisitSchedule MUNICIPAL = new VisitSchedule(80, 6);

    public VisitSchedule {
        if (minimumAge < 50 || minimumAge > 120 || intervalMonths < 1 || intervalMonths > 24) {
            throw new IllegalArgumentException("minimum age 50–120, interval 1–24 months");
        }
    }
}
