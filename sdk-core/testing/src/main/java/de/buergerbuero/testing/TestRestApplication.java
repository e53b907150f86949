package de.buergerbuero.testing;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST resources of the deployed module under {@code /api}, as an application would have. */
@ApplicationPath("/api")
public class TestRestApplication extends Application {}
