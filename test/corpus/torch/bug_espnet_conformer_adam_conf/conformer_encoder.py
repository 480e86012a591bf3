# Idiom seen in: espnet/espnet egs2/librispeech_100/asr1/conf/tuning/train_conformer_ctc.yaml (encoder: conformer,
#   macaron_style, use_cnn_module; the module itself is written here)
# What it reproduces: a conformer encoder whose blocks hold LayerNorms, a BatchNorm1d in the convolution
#   module and biased Linear/Conv layers (written here, shortened).
# label-note: no findings here; these norm weights and biases are what asr_task.py decays.
import torch
from torch import nn


class ConvolutionModule(nn.Module):
    def __init__(self, channels, kernel_size=31):
        super().__init__()
        self.pointwise_conv1 = nn.Conv1d(channels, 2 * channels, 1)
        self.depthwise_conv = nn.Conv1d(channels, channels, kernel_size,
                                        padding=(kernel_size - 1) // 2, groups=channels)
        self.norm = nn.BatchNorm1d(channels)
        self.pointwise_conv2 = nn.Conv1d(channels, channels, 1)

    def forward(self, x):
        x = nn.functional.glu(self.pointwise_conv1(x.transpose(1, 2)), dim=1)
        x = nn.functional.silu(self.norm(self.depthwise_conv(x)))
        return self.pointwise_conv2(x).transpose(1, 2)


class ConformerBlock(nn.Module):
    def __init__(self, size, heads, linear_units, dropout_rate, cnn_module_kernel):
        super().__init__()
        self.ff_macaron = nn.Sequential(nn.LayerNorm(size), nn.Linear(size, linear_units), nn.SiLU(),
                                        nn.Dropout(dropout_rate), nn.Linear(linear_units, size))
        self.norm_mha = nn.LayerNorm(size)
        self.self_attn = nn.MultiheadAttention(size, heads, dropout=dropout_rate, batch_first=True)
        self.norm_conv = nn.LayerNorm(size)
        self.conv_module = ConvolutionModule(size, cnn_module_kernel)
        self.ff = nn.Sequential(nn.LayerNorm(size), nn.Linear(size, linear_units), nn.SiLU(),
                                nn.Dropout(dropout_rate), nn.Linear(linear_units, size))
        self.norm_final = nn.LayerNorm(size)

    def forward(self, x, mask=None):
        x = x + 0.5 * self.ff_macaron(x)
        h = self.norm_mha(x)
        x = x + self.self_attn(h, h, h, key_padding_mask=mask, need_weights=False)[0]
        x = x + self.conv_module(self.norm_conv(x))
        x = x + 0.5 * self.ff(x)
        return self.norm_final(x)


class ConformerEncoder(nn.Module):
    def __init__(self, input_size, output_size=256, attention_heads=4, linear_units=2048,
                 num_blocks=12, dropout_rate=0.1, cnn_module_kernel=31):
        super().__init__()
        self._output_size = output_size
        self.embed = nn.Sequential(nn.Conv2d(1, output_size, 3, 2), nn.ReLU(),
                                   nn.Conv2d(output_size, output_size, 3, 2), nn.ReLU())
        self.embed_out = nn.Linear(output_size * (((input_size - 1) // 2 - 1) // 2), output_size)
        self.encoders = nn.ModuleList(
            ConformerBlock(output_size, attention_heads, linear_units, dropout_rate, cnn_module_kernel)
            for _ in range(num_blocks))

    def output_size(self):
        return self._output_size

    def forward(self, xs, ilens):
        x = self.embed(xs.unsqueeze(1))
        b, c, t, f = x.size()
        x = self.embed_out(x.transpose(1, 2).contiguous().view(b, t, c * f))
        olens = ((ilens - 1) // 2 - 1) // 2
        for layer in self.encoders:
            x = layer(x)
        return x, olens
