package org.balloon.events.service;

/** Tells the relay that new outbox rows were committed, so it publishes now instead of at its next poll. */
public interface OutboxSignal {

    void committed();
}
