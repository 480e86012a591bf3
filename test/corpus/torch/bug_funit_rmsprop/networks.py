# Idiom seen in: NVlabs/FUNIT networks.py
# Idiom seen in: NVlabs/FUNIT blocks.py
# Idiom seen in: NVlabs/FUNIT funit_model.py
# What it reproduces: generator and discriminator built from Conv2dBlock (conv with bias + norm);
# the trainer decays all of their parameters with RMSprop(weight_decay=...).
import torch
import torch.nn as nn


class Conv2dBlock(nn.Module):
    def __init__(self, in_dim, out_dim, ks, st, padding=0, norm='none', activation='relu'):
        super().__init__()
        self.pad = nn.ReflectionPad2d(padding)
        self.conv = nn.Conv2d(in_dim, out_dim, ks, st, bias=True)
        self.norm = nn.InstanceNorm2d(out_dim, affine=True) if norm == 'in' else None
        self.activation = nn.LeakyReLU(0.2) if activation == 'lrelu' else nn.ReLU()

    def forward(self, x):
        x = self.conv(self.pad(x))
        if self.norm is not None:
            x = self.norm(x)
        return self.activation(x)


class GPPatchMcResDis(nn.Module):
    def __init__(self, hp):
        super().__init__()
        nf = hp['nf']
        layers = [Conv2dBlock(3, nf, 7, 1, 3, activation='lrelu')]
        for _ in range(hp['n_res_blks'] // 2):
            layers += [Conv2dBlock(nf, nf * 2, 3, 2, 1, activation='lrelu')]
            nf = nf * 2
        self.cnn_f = nn.Sequential(*layers)
        self.cnn_c = nn.Conv2d(nf, hp['num_classes'], 1, 1, 0)

    def forward(self, x, y):
        feat = self.cnn_f(x)
        out = self.cnn_c(feat)
        index = torch.arange(out.size(0), device=out.device)
        return out[index, y, :, :], feat


class FewShotGen(nn.Module):
    def __init__(self, hp):
        super().__init__()
        nf = hp['nf']
        self.enc_content = nn.Sequential(Conv2dBlock(3, nf, 7, 1, 3, norm='in'),
                                         Conv2dBlock(nf, nf * 2, 4, 2, 1, norm='in'))
        self.enc_class_model = nn.Sequential(Conv2dBlock(3, nf, 7, 1, 3),
                                             nn.AdaptiveAvgPool2d(1))
        self.dec = nn.Sequential(nn.Upsample(scale_factor=2),
                                 Conv2dBlock(nf * 2, 3, 7, 1, 3))

    def forward(self, one_image, model_set):
        content = self.enc_content(one_image)
        return torch.tanh(self.dec(content))


class FUNITModel(nn.Module):
    def __init__(self, hp):
        super().__init__()
        self.gen = FewShotGen(hp['gen'])
        self.dis = GPPatchMcResDis(hp['dis'])
        self.gen_test = None

    def forward(self, co_data, cl_data, hp, mode):
        xa, la = co_data[0], co_data[1]
        xb, lb = cl_data[0], cl_data[1]
        if mode == 'gen_update':
            xt = self.gen(xa, xb)
            resp_out, _ = self.dis(xt, lb)
            l_adv = -resp_out.mean()
            l_x_rec = torch.nn.functional.l1_loss(self.gen(xa, xa), xa)
            l_total = hp['gan_w'] * l_adv + hp['r_w'] * l_x_rec
            l_total.backward()
            return l_total
        resp_real, _ = self.dis(xb, lb)
        resp_fake, _ = self.dis(self.gen(xa, xb).detach(), lb)
        l_total = torch.relu(1.0 - resp_real).mean() + torch.relu(1.0 + resp_fake).mean()
        l_total.backward()
        return l_total
