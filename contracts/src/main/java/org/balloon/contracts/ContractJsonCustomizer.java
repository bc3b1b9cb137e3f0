package org.balloon.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Makes Quarkus' ObjectMapper read and write the contract's JSON the way every service does. A bean
 * of this (Jandex-indexed) jar, so each service gets it by depending on contracts.
 */
@Singleton
public class ContractJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        BalloonJson.configure(mapper);
    }
}
