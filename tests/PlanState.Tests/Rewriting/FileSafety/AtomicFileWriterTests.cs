using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using PlanState.Rewriting.FileSafety;

namespace PlanState.Tests.Rewriting.FileSafety;

public class AtomicFileWriterTests
{
    private TempDirectory folder = null!;

    [SetUp]
    public void SetUp() => folder = new TempDirectory();

    [TearDown]
    public void TearDown() => folder.Dispose();

    [Test]
    public void Replaces_the_content_and_leaves_no_temp_file()
    {
        var path = folder.Write("STATE.md", "old\r\ncontent\r\n");
        var content = Encoding.UTF8.GetBytes("new\r\n█ content 中文\r\n");

        AtomicFileWriter.Write(path, content);

        File.ReadAllBytes(path).Should().Equal(content);
        folder.AllFiles().Should().Equal("STATE.md");
    }

    [Test]
    public void Creates_a_file_that_does_not_exist()
    {
        var path = folder.File("ROADMAP.md");

        AtomicFileWriter.Write(path, new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x' });

        File.ReadAllBytes(path).Should().Equal(0xEF, 0xBB, 0xBF, (byte)'x');
        folder.AllFiles().Should().Equal("ROADMAP.md");
    }

    [Test]
    public void Writes_an_empty_file()
    {
        var path = folder.Write("STATE.md", "something");

        AtomicFileWriter.Write(path, Array.Empty<byte>());

        File.ReadAllBytes(path).Should().BeEmpty();
        folder.AllFiles().Should().Equal("STATE.md");
    }

    [Test]
    public void The_temp_file_sits_beside_the_target_and_is_named_for_the_ignore_list()
    {
        var path = folder.Write("STATE.md", "old");
        string? tempName = null;

        AtomicFileWriter.Write(path, Encoding.UTF8.GetBytes("new"), stream =>
        {
            tempName = ((FileStream)stream).Name;
            return stream;
        });

        tempName.Should().NotBeNull();
        Path.GetDirectoryName(tempName).Should().Be(Path.GetDirectoryName(Path.GetFullPath(path)));
        Path.GetFileName(tempName).Should().MatchRegex(@"^STATE\.md\.tmp\.\d+\.[0-9a-f]+$");
        Path.GetFileName(tempName).Should().Contain($".tmp.{Environment.ProcessId}.");
        File.ReadAllText(path).Should().Be("new");
        folder.AllFiles().Should().Equal("STATE.md");
    }

    [Test]
    public void A_failure_mid_write_leaves_the_original_byte_identical_and_no_temp_file()
    {
        var original = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("# State\r\nProgress: [██░░░░░░░░] 50%  \n")).ToArray();
        var path = folder.Write("STATE.md", original);
        var replacement = Encoding.UTF8.GetBytes(new string('x', 100_000));

        var act = () => AtomicFileWriter.Write(path, replacement, stream => new FailingStream(stream, failAfterBytes: 10_000));

        act.Should().Throw<IOException>()
            .WithMessage($"*{Path.GetFullPath(path)}*disk is full*original file was left unchanged*")
            .WithInnerException<IOException>();
        File.ReadAllBytes(path).Should().Equal(original);
        folder.AllFiles().Should().Equal("STATE.md");
    }

    [Test]
    public void A_failure_creating_a_new_file_leaves_nothing_behind()
    {
        var path = folder.File("new.md");

        var act = () => AtomicFileWriter.Write(path, new byte[10], stream => new FailingStream(stream, failAfterBytes: 0));

        act.Should().Throw<IOException>();
        folder.AllFiles().Should().BeEmpty();
    }

    [Test]
    public void A_missing_folder_is_an_IOException()
    {
        var path = folder.File("missing/STATE.md");

        var act = () => AtomicFileWriter.Write(path, new byte[1]);

        act.Should().Throw<IOException>().WithMessage("*Could not write*missing*");
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public void Keeps_the_original_unix_permissions()
    {
        var path = folder.Write("STATE.md", "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(path, mode);

        AtomicFileWriter.Write(path, Encoding.UTF8.GetBytes("new"));

        File.GetUnixFileMode(path).Should().Be(mode);
        File.ReadAllText(path).Should().Be("new");
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void Writes_through_a_symbolic_link_and_keeps_the_link()
    {
        var target = folder.Write("real/STATE.md", "old");
        var link = folder.File("STATE.md");
        File.CreateSymbolicLink(link, target);

        AtomicFileWriter.Write(link, Encoding.UTF8.GetBytes("new"));

        new FileInfo(link).LinkTarget.Should().NotBeNull();
        File.ReadAllText(target).Should().Be("new");
        folder.AllFiles().Should().Equal("STATE.md", "real/STATE.md");
    }

    /// <summary>Passes writes through until a byte budget runs out, then fails like a full disk.</summary>
    private sealed class FailingStream(Stream inner, int failAfterBytes) : Stream
    {
        private int remaining = failAfterBytes;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            var part = Math.Min(count, remaining);
            inner.Write(buffer, offset, part);
            inner.Flush();
            remaining -= part;
            if (part < count)
            {
                throw new IOException("There is not enough space on the disk (the disk is full).");
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
