// The fault tests measure time against deadlines on a small machine: one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
