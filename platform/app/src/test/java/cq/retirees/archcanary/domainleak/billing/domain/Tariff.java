package cq.retirees.archcanary.domainleak.billing.domain;

import java.math.BigDecimal;

/** Legal: domain code in plain Java. */
public record Tariff(BigDecimal monthly) {
}
