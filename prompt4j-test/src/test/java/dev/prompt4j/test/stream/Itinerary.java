package dev.prompt4j.test.stream;

import java.util.List;

/** A top-level record answer: its generated partial type is {@code ItineraryPartial}, beside it. */
public record Itinerary(String title, Pace pace, int days, List<Stop> stops) {}
