# Idiom seen in: LynnHo/DCGAN-LSGAN-WGAN-GP-DRAGAN-Pytorch train.py (train_D / train_G returning loss dicts)
# What it reproduces: the discriminator step builds D_total = adversarial loss + gradient penalty + an L2
# weight penalty on D, but backward() is still called on the plain D_loss; D_total is only returned for
# TensorBoard. The L2 term never reaches the minimized loss (WD104).
import argparse
import functools

import torch
import tensorboardX
import tqdm

import data  # dataset helpers, not in this folder
import module  # ConvGenerator / ConvDiscriminator, not in this folder
import torchprob as gan  # adversarial losses and gradient penalty, not in this folder

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="fashion_mnist", choices=["cifar10", "fashion_mnist", "mnist"])
parser.add_argument("--batch_size", type=int, default=64)
parser.add_argument("--epochs", type=int, default=25)
parser.add_argument("--lr", type=float, default=0.0002)
parser.add_argument("--beta_1", type=float, default=0.5)
parser.add_argument("--n_d", type=int, default=1)
parser.add_argument("--z_dim", type=int, default=128)
parser.add_argument("--adversarial_loss_mode", default="wgan", choices=["gan", "hinge_v1", "lsgan", "wgan"])
parser.add_argument("--gradient_penalty_mode", default="wgan-gp", choices=["none", "dragan", "wgan-gp"])
parser.add_argument("--gradient_penalty_weight", type=float, default=10.0)
parser.add_argument("--d_l2_weight", type=float, default=1e-4, help="L2 penalty on discriminator weights")
args = parser.parse_args()

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
data_loader, shape = data.make_32x32_dataset(args.dataset, args.batch_size)

G = module.ConvGenerator(args.z_dim, shape[-1], n_upsamplings=3).to(device)
D = module.ConvDiscriminator(shape[-1], n_downsamplings=3, norm="layer_norm").to(device)
d_loss_fn, g_loss_fn = gan.get_adversarial_losses_fn(args.adversarial_loss_mode)

G_optimizer = torch.optim.Adam(G.parameters(), lr=args.lr, betas=(args.beta_1, 0.999))
D_optimizer = torch.optim.Adam(D.parameters(), lr=args.lr, betas=(args.beta_1, 0.999))


def d_weight_l2(net):
    return sum(p.pow(2).sum() for name, p in net.named_parameters() if name.endswith("weight") and p.dim() > 1)


def train_G():
    z = torch.randn(args.batch_size, args.z_dim, 1, 1).to(device)
    G_loss = g_loss_fn(D(G(z)))
    G.zero_grad()
    G_loss.backward()
    G_optimizer.step()
    return {"g_loss": G_loss}


def train_D(x_real):
    z = torch.randn(args.batch_size, args.z_dim, 1, 1).to(device)
    x_fake = G(z).detach()
    x_real_d_loss, x_fake_d_loss = d_loss_fn(D(x_real), D(x_fake))
    gp = gan.gradient_penalty(functools.partial(D), x_real, x_fake, mode=args.gradient_penalty_mode)

    D_loss = (x_real_d_loss + x_fake_d_loss) + gp * args.gradient_penalty_weight
    D_total = D_loss + args.d_l2_weight * d_weight_l2(D)  # expect: WD104

    D.zero_grad()
    D_loss.backward()
    D_optimizer.step()
    return {"d_loss": x_real_d_loss + x_fake_d_loss, "gp": gp, "d_total": D_total}


writer = tensorboardX.SummaryWriter("output/summaries")
it_d = it_g = 0
for ep in tqdm.trange(args.epochs, desc="Epoch Loop"):
    for x_real in tqdm.tqdm(data_loader, desc="Inner Epoch Loop"):
        x_real = x_real.to(device)
        D_loss_dict = train_D(x_real)
        it_d += 1
        for k, v in D_loss_dict.items():
            writer.add_scalar("D/%s" % k, v.item(), global_step=it_d)
        if it_d % args.n_d == 0:
            G_loss_dict = train_G()
            it_g += 1
            for k, v in G_loss_dict.items():
                writer.add_scalar("G/%s" % k, v.item(), global_step=it_g)
    torch.save({"G": G.state_dict(), "D": D.state_dict()}, "output/Epoch_(%d).ckpt" % ep)
