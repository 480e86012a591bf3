# Idiom seen in: yenchenlin/nerf-pytorch run_nerf.py
# What it reproduces: NeRF training loop (coarse + fine MLP, Adam on grad_vars, no weight_decay) with AMP added;
# an L2 term on the MLP weights is computed after scaler.scale(loss).backward() and only logged, so it never
# reaches the gradients (a realistic mistake; the repository has no L2 term).
import configargparse
import numpy as np
import torch
from tqdm import tqdm, trange

from load_blender import load_blender_data
from run_nerf_helpers import NeRF, get_embedder, get_rays, img2mse, mse2psnr
from render import render

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def config_parser():
    parser = configargparse.ArgumentParser()
    parser.add_argument('--config', is_config_file=True, help='config file path')
    parser.add_argument("--datadir", type=str, default='./data/nerf_synthetic/lego')
    parser.add_argument("--netdepth", type=int, default=8)
    parser.add_argument("--netwidth", type=int, default=256)
    parser.add_argument("--N_rand", type=int, default=32 * 32 * 4)
    parser.add_argument("--lrate", type=float, default=5e-4)
    parser.add_argument("--lrate_decay", type=int, default=250)
    parser.add_argument("--weight_l2", type=float, default=1e-6)
    parser.add_argument("--fp16", action='store_true')
    parser.add_argument("--i_print", type=int, default=100)
    parser.add_argument("--N_iters", type=int, default=200000)
    return parser


def create_nerf(args):
    embed_fn, input_ch = get_embedder(10)
    embeddirs_fn, input_ch_views = get_embedder(4)
    model = NeRF(D=args.netdepth, W=args.netwidth, input_ch=input_ch, output_ch=5, skips=[4],
                 input_ch_views=input_ch_views, use_viewdirs=True).to(device)
    grad_vars = list(model.parameters())
    model_fine = NeRF(D=args.netdepth, W=args.netwidth, input_ch=input_ch, output_ch=5, skips=[4],
                      input_ch_views=input_ch_views, use_viewdirs=True).to(device)
    grad_vars += list(model_fine.parameters())
    optimizer = torch.optim.Adam(params=grad_vars, lr=args.lrate, betas=(0.9, 0.999))
    render_kwargs = {'network_fn': model, 'network_fine': model_fine, 'embed_fn': embed_fn,
                     'embeddirs_fn': embeddirs_fn, 'N_samples': 64, 'N_importance': 128}
    return render_kwargs, optimizer, model, model_fine


def train():
    args = config_parser().parse_args()
    images, poses, render_poses, hwf, i_split = load_blender_data(args.datadir, True, 8)
    H, W, focal = int(hwf[0]), int(hwf[1]), hwf[2]
    K = np.array([[focal, 0, 0.5 * W], [0, focal, 0.5 * H], [0, 0, 1]])
    i_train = i_split[0]
    render_kwargs_train, optimizer, model, model_fine = create_nerf(args)
    scaler = torch.cuda.amp.GradScaler(enabled=args.fp16)
    images = torch.Tensor(images).to(device)
    poses = torch.Tensor(poses).to(device)

    for i in trange(args.N_iters):
        img_i = np.random.choice(i_train)
        target = images[img_i]
        rays_o, rays_d = get_rays(H, W, K, poses[img_i, :3, :4])
        select = torch.randint(0, H * W, (args.N_rand,))
        rays_o = rays_o.reshape(-1, 3)[select]
        rays_d = rays_d.reshape(-1, 3)[select]
        target_s = target.reshape(-1, 3)[select]

        optimizer.zero_grad()
        with torch.cuda.amp.autocast(enabled=args.fp16):
            rgb, disp, acc, extras = render(H, W, K, chunk=1024 * 32, rays=(rays_o, rays_d), **render_kwargs_train)
            img_loss = img2mse(rgb, target_s)
            loss = img_loss
            if 'rgb0' in extras:
                loss = loss + img2mse(extras['rgb0'], target_s)
        psnr = mse2psnr(img_loss)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()

        weight_reg = args.weight_l2 * sum(p.pow(2).sum() for n, p in model_fine.named_parameters() if 'weight' in n)  # expect: WD104
        total = loss + weight_reg

        decay_steps = args.lrate_decay * 1000
        new_lrate = args.lrate * (0.1 ** (i / decay_steps))
        for param_group in optimizer.param_groups:
            param_group['lr'] = new_lrate

        if i % args.i_print == 0:
            tqdm.write(f"[TRAIN] Iter: {i} Loss: {total.item()}  PSNR: {psnr.item()}")


if __name__ == '__main__':
    torch.set_default_tensor_type('torch.cuda.FloatTensor')
    train()
