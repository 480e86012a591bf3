# Idiom seen in: denisyarats/pytorch_sac_ae decoder.py
# What it reproduces: the pixel decoder of SAC+AE (deconvolutions and a linear layer, all with biases);
# its optimizer is built in sac_ae.py with Adam(weight_decay=decoder_weight_lambda).
import torch
import torch.nn as nn

OUT_DIM = {2: 39, 4: 35, 6: 31}


class PixelDecoder(nn.Module):
    def __init__(self, obs_shape, feature_dim, num_layers=2, num_filters=32):
        super().__init__()
        self.num_layers = num_layers
        self.num_filters = num_filters
        self.out_dim = OUT_DIM[num_layers]

        self.fc = nn.Linear(feature_dim, num_filters * self.out_dim * self.out_dim)
        self.deconvs = nn.ModuleList()
        for _ in range(self.num_layers - 1):
            self.deconvs.append(nn.ConvTranspose2d(num_filters, num_filters, 3, stride=1))
        self.deconvs.append(nn.ConvTranspose2d(num_filters, obs_shape[0], 3, stride=2, output_padding=1))
        self.outputs = dict()

    def forward(self, h):
        h = torch.relu(self.fc(h))
        deconv = h.view(-1, self.num_filters, self.out_dim, self.out_dim)
        for i in range(0, self.num_layers - 1):
            deconv = torch.relu(self.deconvs[i](deconv))
            self.outputs['deconv%s' % (i + 1)] = deconv
        obs = self.deconvs[-1](deconv)
        self.outputs['obs'] = obs
        return obs

    def log(self, L, step, log_freq):
        if step % log_freq != 0:
            return
        for k, v in self.outputs.items():
            L.log_histogram('train_decoder/%s_hist' % k, v, step)


_AVAILABLE_DECODERS = {'pixel': PixelDecoder}


def make_decoder(decoder_type, obs_shape, feature_dim, num_layers, num_filters):
    assert decoder_type in _AVAILABLE_DECODERS
    return _AVAILABLE_DECODERS[decoder_type](obs_shape, feature_dim, num_layers, num_filters)
