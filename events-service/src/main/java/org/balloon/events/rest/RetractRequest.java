package org.balloon.events.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an action is withdrawn from the record's published view. */
public record RetractRequest(@NotBlank @Size(max = 1000) String reason) {
}
