package cq.retirees.handover.internal;

import java.util.List;

/** A failed guard of a plan transition: its stable code, HTTP status and the values its message names. */
record Guard(String code, int status, List<Object> args) {

    static Guard of(int status, String code, Object... args) {
        return new Guard(code, status, List.of(args));
    }
}
