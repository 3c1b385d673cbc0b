package cq.retirees.kernel;

/** Sex as encoded in a resident ID number (odd 17th digit = male). */
public enum Sex {
    MALE,
    FEMALE
}
