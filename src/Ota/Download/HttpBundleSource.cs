using System.Net;
using System.Net.Http.Headers;
using Car.Ota.Bundles;
using Car.Ota.Verification;

namespace Car.Ota.Download;

/// <summary>
/// A bundle served over HTTP (<c>BASE/manifest.json</c>, <c>BASE/files/PATH</c>): files resume with range requests,
/// and a response that declares more bytes than the manifest allows is refused before it is read.
/// </summary>
public sealed class HttpBundleSource : IBundleSource
{
    private readonly HttpClient _client;
    private readonly Uri _base;
    private readonly DownloadOptions _options;

    public HttpBundleSource(HttpClient client, Uri baseAddress, DownloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _client = client;
        _base = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _options = options;
    }

    public string Description => _base.ToString();

    public bool UsesNetwork => true;

    public async Task<BundleMetadata> FetchMetadataAsync(CancellationToken cancellationToken) => new(
        await GetSmallAsync(BundleLayout.Manifest, required: true, cancellationToken).ConfigureAwait(false) ?? [],
        await GetSmallAsync(BundleLayout.Signatures, required: false, cancellationToken).ConfigureAwait(false) ?? "[]"u8.ToArray(),
        await GetSmallAsync(BundleLayout.Root, required: false, cancellationToken).ConfigureAwait(false),
        await GetSmallAsync(BundleLayout.RootSignatures, required: false, cancellationToken).ConfigureAwait(false));

    public async Task<SourceBytes> OpenAsync(BundleFile file, long offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var uri = new Uri(_base, BundleLayout.Files + "/" + string.Join('/', file.Path.Split('/').Select(Uri.EscapeDataString)));
        using var request = Request(uri);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
        }

        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var start = response.StatusCode == HttpStatusCode.PartialContent ? response.Content.Headers.ContentRange?.From ?? 0 : 0;
            if (!response.IsSuccessStatusCode || start > offset)
            {
                throw new BundleInstallException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase} (range from {offset}).");
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > file.Size - start)
            {
                throw new BundleRejectedException(
                    $"{uri} declares {declared} bytes from byte {start}, but the manifest says {file.Path} has {file.Size}: refused (endless data).");
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new SourceBytes(stream, start, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private HttpRequestMessage Request(Uri uri) => new(HttpMethod.Get, uri)
    {
        Version = _options.Http2 ? HttpVersion.Version20 : HttpVersion.Version11,
        VersionPolicy = _options.Http2 ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower,
    };

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StallTimeout);
        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BundleInstallException($"{request.RequestUri} did not answer within {_options.StallTimeout.TotalSeconds:0.#} s (slow retrieval refused).", e);
        }
        catch (HttpRequestException e)
        {
            throw new BundleInstallException($"Cannot reach {request.RequestUri}: {e.Message}", e);
        }
    }

    /// <summary>A metadata document, read to at most <see cref="BundleLayout.MaxMetadataBytes"/> within the stall deadline.</summary>
    private async Task<byte[]?> GetSmallAsync(string name, bool required, CancellationToken cancellationToken)
    {
        var uri = new Uri(_base, name);
        using var request = Request(uri);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound && !required)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new BundleInstallException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        if (response.Content.Headers.ContentLength > BundleLayout.MaxMetadataBytes)
        {
            throw new BundleRejectedException($"{uri} declares {response.Content.Headers.ContentLength} bytes, more than the {BundleLayout.MaxMetadataBytes} a car reads: refused (endless data).");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StallTimeout);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[BundleLayout.MaxMetadataBytes + 1];
                var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, deadline.Token).ConfigureAwait(false);
                if (read > BundleLayout.MaxMetadataBytes)
                {
                    throw new BundleRejectedException($"{uri} sends more than the {BundleLayout.MaxMetadataBytes} bytes a car reads: refused (endless data).");
                }

                return buffer[..read];
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BundleInstallException($"{uri} did not finish within {_options.StallTimeout.TotalSeconds:0.#} s (slow retrieval refused).", e);
        }
    }
}
