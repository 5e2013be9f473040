package dev.prompt4j.test.stream;

/** An enum component: it appears in partials only as a whole constant. */
public enum Pace { SLOW, BRISK }
