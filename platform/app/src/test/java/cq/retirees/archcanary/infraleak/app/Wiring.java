package cq.retirees.archcanary.infraleak.app;

/** The composition root. */
public final class Wiring {
}
