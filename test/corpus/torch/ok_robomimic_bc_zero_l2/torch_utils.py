# Idiom seen in: ARISE-Initiative/robomimic robomimic/utils/torch_utils.py
# Idiom seen in: ARISE-Initiative/robomimic robomimic/config/bc_config.py
# What it reproduces: robomimic's optimizer factory: Adam(net.parameters(), lr, weight_decay=
#   optim_params["regularization"]["L2"]); the BC config sets that L2 to 0.0, so nothing decays. Clean.
import torch
import torch.optim as optim


def optimizer_from_optim_params(net_optim_params, net):
    return optim.Adam(
        params=net.parameters(),
        lr=net_optim_params["learning_rate"]["initial"],
        weight_decay=net_optim_params["regularization"]["L2"],
    )


def lr_scheduler_from_optim_params(net_optim_params, net, optimizer):
    lr_scheduler = None
    if len(net_optim_params["learning_rate"]["epoch_schedule"]) > 0:
        lr_scheduler = optim.lr_scheduler.MultiStepLR(
            optimizer=optimizer,
            milestones=net_optim_params["learning_rate"]["epoch_schedule"],
            gamma=net_optim_params["learning_rate"]["decay_factor"],
        )
    return lr_scheduler


def backprop_for_loss(net, optim, loss, max_grad_norm=None, retain_graph=False):
    optim.zero_grad()
    loss.backward(retain_graph=retain_graph)
    if max_grad_norm is not None:
        torch.nn.utils.clip_grad_norm_(net.parameters(), max_grad_norm)
    grad_norms = 0.
    for p in net.parameters():
        if p.grad is not None:
            grad_norms += p.grad.data.norm(2).pow(2).item()
    optim.step()
    return grad_norms
