package org.balloon.events;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.ObservableServiceContract;

@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class ObservabilityIT extends ObservableServiceContract {
}
