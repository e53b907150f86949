package de.buergerbuero.applications.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to deliver a Bescheid through one channel: its id at the channel, where it stands,
 * why it failed, and — for a letter in the print queue — who posted it by hand.
 */
@Entity
@Table(name = "bb_delivery")
public class DeliveryEntity {
  /** Where a delivery stands; REJECTED: the channel could not take it, the next one was tried. */
  public enum State {
    ACCEPTED,
    DELIVERED,
    FAILED,
    REJECTED,
    POSTED_BY_HAND
  }

  /** The channel name of a Bescheid that no channel could take (it goes to the print queue). */
  public static final String NO_CHANNEL = "none";

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "application_id")
  private String applicationId;

  @Column(name = "channel")
  private String channel;

  @Column(name = "delivery_ref")
  private String deliveryRef;

  @Column(name = "state")
  private String state;

  @Column(name = "reason")
  private String reason;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "posted_at")
  private Instant postedAt;

  @Column(name = "posted_by")
  private String postedBy;

  protected DeliveryEntity() {}

  public DeliveryEntity(
      String applicationId,
      String channel,
      String deliveryRef,
      State state,
      String reason,
      Instant at) {
    this.id = UUID.randomUUID().toString();
    this.applicationId = applicationId;
    this.channel = channel;
    this.deliveryRef = deliveryRef;
    this.state = state.name();
    this.reason = cut(reason);
    this.createdAt = at;
    this.updatedAt = at;
  }

  private static String cut(String reason) {
    return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
  }

  public String id() {
    return id;
  }

  public String applicationId() {
    return applicationId;
  }

  public String channel() {
    return channel;
  }

  public String deliveryRef() {
    return deliveryRef;
  }

  public State state() {
    return State.valueOf(state);
  }

  public String reason() {
    return reason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant postedAt() {
    return postedAt;
  }

  public String postedBy() {
    return postedBy;
  }

  /**
   * A later report of the channel. Reports may repeat and arrive out of order: an accepted delivery
   * becomes delivered or failed; a delivered letter can still come back (returned: failed); a
   * failure and a letter posted by hand stay as they are.
   */
  public boolean report(State reported, String why, Instant at) {
    State now = state();
    boolean applies =
        (now == State.ACCEPTED && (reported == State.DELIVERED || reported == State.FAILED))
            || (now == State.DELIVERED && reported == State.FAILED);
    if (!applies) {
      return false;
    }
    this.state = reported.name();
    this.reason = cut(why);
    this.updatedAt = at;
    return true;
  }

  /** A clerk printed and posted the letter by hand. */
  public void postedByHand(String clerk, Instant at) {
    this.state = State.POSTED_BY_HAND.name();
    this.postedBy = clerk;
    this.postedAt = at;
    this.updatedAt = at;
  }
}
