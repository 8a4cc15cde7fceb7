namespace IntakePipeline.Storage;

/// <summary>A message taken from a queue by <see cref="IQueueStore.ReceiveAsync"/>.</summary>
/// <param name="Id">The message id.</param>
/// <param name="PopReceipt">The receipt that lets the taker delete or release it.</param>
/// <param name="DequeueCount">How many times it has been taken, this time included.</param>
/// <param name="Text">The decoded message text.</param>
/// <param name="InsertedOn">When it was added.</param>
public sealed record QueueMessage(string Id, string PopReceipt, long DequeueCount, string Text, DateTimeOffset? InsertedOn);
