package cq.retirees.handover.internal;

/** How a petition reached the platform's users. */
enum PetitionChannel {
    VISIT, LETTER, PHONE, ONLINE, OTHER
}
