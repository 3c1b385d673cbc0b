package cq.retirees.spi.services;

import java.util.Objects;

/** A service an area offers its retirees, with its name in Chinese and English; {@code code} is UPPER_SNAKE. */
public record ServiceOffering(String code, String nameZh, String nameEn, String description) {

    public ServiceOffering {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
