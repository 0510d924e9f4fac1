using Microsoft.Win32.SafeHandles;

namespace Car.Llama.Interop;

/// <summary>A loaded llama_model; freed when the last context using it is gone.</summary>
internal sealed class SafeLlamaModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaModelHandle()
        : base(ownsHandle: true)
    {
    }

    public SafeLlamaModelHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.ModelFree(handle);
        return true;
    }
}

/// <summary>A llama_context. It holds a reference on its model so that the weights outlive it.</summary>
internal sealed class SafeLlamaContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private SafeLlamaModelHandle? _model;
    private SafeGgmlThreadpoolHandle? _threadpool;

    public SafeLlamaContextHandle()
        : base(ownsHandle: true)
    {
    }

    public static SafeLlamaContextHandle Create(SafeLlamaModelHandle model, LlamaContextParams parameters)
    {
        var added = false;
        model.DangerousAddRef(ref added);
        var pointer = LlamaNative.InitFromModel(model, parameters);
        if (pointer == IntPtr.Zero)
        {
            model.DangerousRelease();
            throw new LlmException("llama.cpp could not create a context for this model (too little memory for the context size?).");
        }

        var context = new SafeLlamaContextHandle { _model = model };
        context.SetHandle(pointer);
        return context;
    }

    /// <summary>Runs the context's graphs on <paramref name="threadpool"/>, which this handle then owns and frees after the context.</summary>
    public void Attach(SafeGgmlThreadpoolHandle threadpool)
    {
        LlamaNative.AttachThreadpool(this, threadpool, threadpool);
        _threadpool = threadpool;
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.Free(handle);
        _threadpool?.Dispose();
        _model?.DangerousRelease();
        return true;
    }
}

/// <summary>A llama_sampler chain; the samplers added to it are freed with it.</summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaSamplerHandle()
        : base(ownsHandle: true)
    {
    }

    public SafeLlamaSamplerHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.SamplerFree(handle);
        return true;
    }
}
