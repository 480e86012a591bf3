# Idiom seen in: apchenstu/TensoRF train.py
# What it reproduces: TensoRF's Adam(grad_vars, betas=(0.9, 0.99)) with a weight_decay a user passed from
#   the options (a realistic change; the repo has none): coupled L2 under Adam, biases of the MLP included.
import torch

from dataLoader import dataset_dict
from opt import config_parser
from renderer import OctreeRender_trilinear_fast
from tensorBase import TensorVM

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def reconstruction(args):
    train_dataset = dataset_dict[args.dataset_name](args.datadir, split='train')
    gridSize = int(round(args.N_voxel_init ** (1 / 3)))
    tensorf = TensorVM(gridSize, app_dim=args.data_dim_color).to(device)

    grad_vars = tensorf.get_optparam_groups(args.lr_init, args.lr_basis)
    optimizer = torch.optim.Adam(grad_vars, betas=(0.9, 0.99),
                                 weight_decay=args.weight_decay)  # expect: WD202
    lr_factor = args.lr_decay_target_ratio ** (1 / args.n_iters)

    for iteration in range(args.n_iters):
        rays_train, rgb_train = train_dataset.sample(args.batch_size)
        rgb_map = OctreeRender_trilinear_fast(rays_train, tensorf, chunk=args.batch_size, device=device)
        loss = torch.mean((rgb_map - rgb_train.to(device)) ** 2)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        for param_group in optimizer.param_groups:
            param_group['lr'] = param_group['lr'] * lr_factor
        if iteration % 1000 == 0:
            print('iter', iteration, 'mse', loss.item())


if __name__ == '__main__':
    torch.set_default_dtype(torch.float32)
    args = config_parser()
    reconstruction(args)
