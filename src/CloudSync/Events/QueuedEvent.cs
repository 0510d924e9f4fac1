namespace Car.CloudSync.Events;

/// <summary>An event in the outbox: its key and its <c>VehicleEvent</c> protobuf bytes.</summary>
internal sealed record QueuedEvent(string IdempotencyKey, byte[] Payload);
