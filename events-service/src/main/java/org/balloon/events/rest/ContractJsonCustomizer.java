package org.balloon.events.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.balloon.contracts.BalloonJson;

/** Makes Quarkus' ObjectMapper read and write the contract's JSON the way every service does. */
@Singleton
public class ContractJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        BalloonJson.configure(mapper);
    }
}
