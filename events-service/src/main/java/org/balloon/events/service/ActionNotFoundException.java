package org.balloon.events.service;

/** No action with this id in the record: 404. */
public class ActionNotFoundException extends RuntimeException {

    public ActionNotFoundException(String id) {
        super("no action with id " + id);
    }
}
