# Idiom seen in: amosgropp/IGR code/shapespace/train.py (ShapeSpaceRunner.run / latent_size_reg; the version
#   reported in issue #1 "Loss function misses the latent regularization part?")
# What it reproduces: an auto-decoder whose per-shape latent codes are optimized by Adam; the latent-norm
#   penalty is computed every step and printed, but the line adding it to the loss was dropped.
# label-note: WD104 on the line in run() that obtains the latent penalty which is then only used for
#   printing; the norm itself is computed in latent_size_reg.
import argparse

import torch
from pyhocon import ConfigFactory

import utils.general as utils
from model.network import gradient
from model.sample import Sampler


class ShapeSpaceRunner:
    def __init__(self, conf, batch_size, nepochs):
        self.conf = ConfigFactory.parse_file("./shapespace/" + conf)
        self.nepochs = nepochs
        self.latent_size = self.conf.get_int("train.latent_size")
        self.latent_lambda = self.conf.get_float("network.loss.latent_lambda")
        self.grad_lambda = self.conf.get_float("network.loss.lambda")
        self.sampler = Sampler.get_sampler(self.conf.get_string("network.sampler.sampler_type"))(1.8, 0.01)
        self.ds = utils.get_class(self.conf.get_string("train.dataset"))(split=None)
        self.loader = torch.utils.data.DataLoader(self.ds, batch_size=batch_size, shuffle=True, drop_last=True)
        d_in = self.conf.get_int("train.d_in") + self.latent_size
        self.network = utils.get_class(self.conf.get_string("train.network_class"))(
            d_in=d_in, **self.conf.get_config("network.inputs")).cuda()
        self.lat_vecs = torch.zeros(len(self.ds), self.latent_size).cuda()
        self.lat_vecs.requires_grad_()
        self.optimizer = torch.optim.Adam([
            {"params": self.network.parameters(), "lr": 0.005},
            {"params": self.lat_vecs, "lr": 0.001},
        ])

    def latent_size_reg(self, indices):
        latents = torch.index_select(self.lat_vecs, 0, indices)
        return latents.norm(dim=1).mean()

    def add_latent(self, points, indices):
        b, n, d = points.shape
        lat = self.lat_vecs[indices].unsqueeze(1).expand(b, n, self.latent_size)
        return torch.cat([lat, points], dim=-1).reshape(b * n, -1)

    def run(self):
        for epoch in range(self.nepochs + 1):
            self.network.train()
            for i, (mnfld_pnts, normals, indices) in enumerate(self.loader):
                mnfld_pnts = mnfld_pnts.cuda()
                nonmnfld_pnts = self.sampler.get_points(mnfld_pnts)
                mnfld_pnts = self.add_latent(mnfld_pnts, indices).requires_grad_()
                nonmnfld_pnts = self.add_latent(nonmnfld_pnts, indices).requires_grad_()

                mnfld_pred = self.network(mnfld_pnts)
                nonmnfld_pred = self.network(nonmnfld_pnts)
                nonmnfld_grad = gradient(nonmnfld_pnts, nonmnfld_pred)

                mnfld_loss = mnfld_pred.abs().mean()
                grad_loss = ((nonmnfld_grad.norm(2, dim=-1) - 1) ** 2).mean()
                loss = mnfld_loss + self.grad_lambda * grad_loss

                latent_loss = self.latent_size_reg(indices.cuda())  # expect: WD104

                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
                if i % 10 == 0:
                    print("epoch {} loss {:.6f} manifold {:.6f} grad {:.6f} latent {:.6f}".format(
                        epoch, loss.item(), mnfld_loss.item(), grad_loss.item(), latent_loss.item()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--nepoch", type=int, default=10000)
    parser.add_argument("--conf", type=str, default="dfaust_setup.conf")
    args = parser.parse_args()
    ShapeSpaceRunner(args.conf, args.batch_size, args.nepoch).run()
