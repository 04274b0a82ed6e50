//! The review's charts ([`crate::review::report::svg::Chart`]) as SVG elements: the same shapes
//! the HTML report writes, each text a text node.

use yew::prelude::*;

use crate::review::report::svg::{Chart, Shape};

/// Props of [`ChartView`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The chart.
    pub chart: Chart,
    /// The element's id.
    pub id: AttrValue,
}

fn shape(s: &Shape) -> Html {
    match s {
        Shape::Text {
            x,
            y,
            anchor,
            class,
            text,
        } => html! {
            <text x={x.to_string()} y={y.to_string()} text-anchor={anchor.attr()} class={*class}>
                { text.clone() }
            </text>
        },
        Shape::Rect {
            x,
            y,
            width,
            height,
            class,
            fill,
        } => html! {
            <rect x={x.to_string()} y={y.to_string()} width={width.to_string()}
                height={height.to_string()} class={*class} fill={*fill} />
        },
        Shape::Circle {
            cx,
            cy,
            r,
            class,
            title,
        } => html! {
            <circle cx={cx.to_string()} cy={cy.to_string()} r={r.to_string()} class={*class}>
                <title>{ title.clone() }</title>
            </circle>
        },
        Shape::Group { title, shapes } => html! {
            <g class="row">
                <title>{ title.clone() }</title>
                { for shapes.iter().map(shape) }
            </g>
        },
    }
}

/// One chart.
#[component]
pub fn ChartView(props: &ChartProps) -> Html {
    let c = &props.chart;
    html! {
        <svg id={props.id.clone()} class={c.class} role="img"
            viewBox={format!("0 0 {} {}", c.width, c.height)}
            width={c.width.to_string()} height={c.height.to_string()}
            aria-labelledby={c.title_id}>
            <title id={c.title_id}>{ c.title.clone() }</title>
            { for c.shapes.iter().map(shape) }
        </svg>
    }
}
