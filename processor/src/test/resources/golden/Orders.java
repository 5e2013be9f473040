package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import java.util.List;

@Call(provider = "openai", model = "gpt-4o-mini")
public interface Orders {
  record Customer(String name, String tier) {}

  record Order(Customer customer, List<String> items, List<List<String>> shipments) {}

  final class Address {
    public String getCity() {
      return "Lyon";
    }

    public boolean isRemote() {
      return false;
    }
  }

  @Prompt("""
      Thank {order.customer.name} ({order.customer.tier} tier) for ordering:
      {order.items:list}

      Shipments:
      {order.shipments:lists}

      Delivery to {address.city}; remote area: {address.remote}. Answer in {{"text": "..."}} form.
      """)
  String thankYou(Order order, Address address);
}
