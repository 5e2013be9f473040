package dev.prompt4j.spring.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The service: {@code POST /trends/analysis} with {@code {"description": "..."}}. */
@SpringBootApplication
public class TrendApplication {
  public static void main(String[] args) {
    SpringApplication.run(TrendApplication.class, args);
  }
}
